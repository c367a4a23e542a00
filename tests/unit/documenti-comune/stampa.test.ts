/**
 * What of a comune's document prints, from its name, type and bytes: the names a portal gives signed files,
 * an envelope signed again (made here with OpenSSL), an envelope that does not open, a "PDF" that is not one.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { pdfDaStampare, stampaDi } from '../../../electron/core/documenti-comune/stampa';
import { cartellaTemporanea, esegui } from '../../fixtures/documents/strumenti';
import { JPEG, pdfCon } from '../../support/allegati';
import { contenutoSecondoOpenssl, SCIA } from '../../support/busta-p7m';

/** `content` signed by a throwaway key, the envelope carrying it (CAdES-like CMS, DER). */
function firmaConOpenssl(content: Buffer): Buffer {
  const cartella = cartellaTemporanea();
  try {
    const key = `${cartella.percorso}/key.pem`;
    const cert = `${cartella.percorso}/cert.pem`;
    const req = esegui('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-subj', '/CN=Ufficio Anagrafe', '-days', '1', '-keyout', key, '-out', cert]);
    if (req.status !== 0) throw new Error(req.stderr);
    const file = cartella.scrivi('contenuto', content);
    const out = `${file}.p7m`;
    const sign = esegui('openssl', ['cms', '-sign', '-nodetach', '-binary', '-md', 'sha256', '-in', file, '-signer', cert, '-inkey', key, '-outform', 'DER', '-out', out]);
    if (sign.status !== 0) throw new Error(sign.stderr);
    return readFileSync(out);
  } finally {
    cartella.elimina();
  }
}

describe('stampa di un documento del Comune', () => {
  it('dal nome e dal tipo: PDF, busta firmata di un PDF, il resto no', () => {
    const stampe = (nomi: [string, string][]) => nomi.map(([nome, mimeType]) => stampaDi(nome, mimeType));
    expect(stampe([['certificato.pdf', 'application/pdf'], ['certificato', 'application/pdf']])).toEqual(['pdf', 'pdf']);
    // libmagic's type for a DER envelope, text/plain for one in Base64, the envelope's own type: the name decides.
    expect(stampe([['certificato.pdf.p7m', 'application/octet-stream'], ['certificato.pdf.p7m.p7m', 'text/plain'], ['certificato.p7m', 'application/pkcs7-mime']])).toEqual(['busta-firmata', 'busta-firmata', 'busta-firmata']);
    expect(stampe([['foto.jpg.p7m', 'application/pkcs7-mime'], ['foto.jpg', 'image/jpeg'], ['relazione.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document']])).toEqual(['non-pdf', 'non-pdf', 'non-pdf']);
  });

  it('una busta firmata di nuovo stampa il PDF che sta dentro entrambe', () => {
    const nested = firmaConOpenssl(SCIA);
    expect(Buffer.from(pdfDaStampare(nested, 'scia.pdf.p7m.p7m', 'application/octet-stream')).equals(contenutoSecondoOpenssl(SCIA))).toBe(true);
  });

  it('rifiuta, dicendo perché, ciò che la stampante non prende', async () => {
    const refused = { code: 'documento-non-stampabile' };
    expect(() => pdfDaStampare(Buffer.from(JPEG), 'foto.jpg', 'image/jpeg')).toThrow(expect.objectContaining({ ...refused, message: expect.stringContaining('solo documenti PDF') }));
    expect(() => pdfDaStampare(Buffer.from(JPEG), 'certificato.pdf', 'application/pdf')).toThrow(expect.objectContaining({ ...refused, message: expect.stringContaining('non è un PDF valido') }));
    expect(() => pdfDaStampare(Buffer.from('non una busta'), 'certificato.pdf.p7m', 'application/pkcs7-mime')).toThrow(expect.objectContaining({ ...refused, message: expect.stringContaining('non si legge') }));
    expect(() => pdfDaStampare(firmaConOpenssl(Buffer.from(JPEG)), 'certificato.p7m', 'application/pkcs7-mime')).toThrow(expect.objectContaining({ ...refused, message: expect.stringContaining('non è un PDF') }));
    // A PDF in an envelope prints; the same PDF bare prints as it is.
    const pdf = Buffer.from(await pdfCon());
    expect(Buffer.from(pdfDaStampare(firmaConOpenssl(pdf), 'x.pdf.p7m', 'application/pkcs7-mime')).equals(pdf)).toBe(true);
    expect(pdfDaStampare(pdf, 'x.pdf', 'application/pdf')).toBe(pdf);
  });
});
