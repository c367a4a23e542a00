/** Signed envelopes as the tests hand them to the portal, and their content as a reader that is not ours extracts it. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cartellaTemporanea, esegui } from '../fixtures/documents/strumenti';

/** The portal's own test file: a real Aruba signature over a PDF (tests/fixtures/firme-reali/README.md). */
export const SCIA = readFileSync(join(__dirname, '../fixtures/firme-reali/SCIA.pdf.p7m'));

/**
 * Base64 in MIME's lines of 76 characters, as mail and signing tools write it. The portal takes a document
 * only with the type libmagic gives its bytes, and libmagic calls a DER envelope application/octet-stream, a
 * type it refuses: a signed certificate reaches it this way, as text/plain.
 */
export const inBase64 = (bytes: Buffer): Buffer => Buffer.from(bytes.toString('base64').replace(/.{76}/g, '$&\r\n'));

/** The content of a DER .p7m as OpenSSL extracts it; the signature is not judged (a real one's certificate may have expired). */
export function contenutoSecondoOpenssl(p7m: Buffer): Buffer {
  const cartella = cartellaTemporanea();
  try {
    const file = cartella.scrivi('documento.pdf.p7m', p7m);
    const r = esegui('openssl', ['cms', '-verify', '-noverify', '-binary', '-inform', 'DER', '-in', file, '-out', `${file}.pdf`]);
    if (!r.stderr.includes('Verification successful')) throw new Error(`openssl non legge la busta: ${r.stderr}`);
    return readFileSync(`${file}.pdf`);
  } finally {
    cartella.elimina();
  }
}
