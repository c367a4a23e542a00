/** A CNS signature checked by a verifier that is not ours: OpenSSL's CMS, against the test CA. */
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { cartellaTemporanea, esegui } from '../fixtures/documents/strumenti';

/** The signed content of a `.p7m`, once `openssl cms -verify` has accepted it. */
export function contentVerifiedByOpenssl(p7m: Uint8Array, caPem: string): Buffer {
  const cartella = cartellaTemporanea();
  try {
    const file = cartella.scrivi('modulo.pdf.p7m', p7m);
    const ca = cartella.scrivi('ca.pem', caPem);
    // A CNS certificate is an authentication certificate (extended key usage clientAuth, as on
    // real cards): OpenSSL's default S/MIME purpose check would refuse it for that reason alone.
    const r = esegui('openssl', ['cms', '-verify', '-purpose', 'any', '-binary', '-inform', 'DER', '-in', file, '-CAfile', ca, '-out', `${file}.pdf`]);
    expect(r.stderr).toContain('Verification successful');
    return readFileSync(`${file}.pdf`);
  } finally {
    cartella.elimina();
  }
}
