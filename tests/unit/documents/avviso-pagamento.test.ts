import { readFileSync } from 'node:fs';
import jsQR, { type QRCode } from 'jsqr';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { avvisoPagamentoPdf, qrPagoPa, type AvvisoPagamento } from '../../../electron/core/documents/avviso-pagamento-pdf';
import { importoInEuro } from '../../../electron/core/documents/formato-importi';
import { attendiRotolo80mm } from '../../fixtures/documents/rotolo';
import { cartellaTemporanea, esegui, pdfinfo, pdftotext, type CartellaTemporanea } from '../../fixtures/documents/strumenti';

const AVVISO: AvvisoPagamento = {
  enteCreditore: 'Comune di Prova',
  // Check digit 7 computed as for a partita IVA.
  codiceFiscaleEnte: '01234567897',
  causale: 'Diritti di segreteria per il certificato di residenza',
  importoCentesimi: 1650,
  codiceAvviso: '302000000000123456',
  // 23:59:59 in Rome: the day printed is Rome's, not UTC's.
  scadenza: '2026-09-01T21:59:59Z',
  praticaId: 'SP-2026-000123',
};
const QR_ATTESO = 'PAGOPA|002|302000000000123456|01234567897|1650';
const GENERATO_IL = new Date('2026-08-03T07:15:00Z');
const DOVE_PAGARE =
  "Puoi pagare presso banche, uffici postali, tabaccherie e punti vendita aderenti a pagoPA, o online, inquadrando il codice QR con l'app della tua banca o con l'app IO";
/** At 300 dpi, 25 mm (pagoPA's QR side) is 295 pixels. */
const LATO_QR_PX = (25 / 25.4) * 300;

let cartella: CartellaTemporanea;
beforeAll(() => {
  cartella = cartellaTemporanea();
});
afterAll(() => cartella.elimina());

const testo = (f: string) => pdftotext(f).replace(/\s+/g, ' ');

/** The first page rendered as the printer would, then searched for a QR code as a phone's camera app does. */
function leggiQr(pdf: string, nome: string): QRCode | null {
  const r = esegui('pdftoppm', ['-png', '-r', '300', '-singlefile', pdf, `${cartella.percorso}/${nome}`]);
  expect(r.status, r.stderr).toBe(0);
  const png = PNG.sync.read(readFileSync(`${cartella.percorso}/${nome}.png`));
  return jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
}

describe('qrPagoPa', () => {
  it('writes the pagoPA string: identifier, version 002, codice avviso, codice fiscale of the ente, amount in cents', () => {
    expect(qrPagoPa(AVVISO)).toBe(QR_ATTESO);
    // The amount field is at least 2 characters.
    expect(qrPagoPa({ ...AVVISO, importoCentesimi: 5 })).toBe('PAGOPA|002|302000000000123456|01234567897|05');
    expect(qrPagoPa({ ...AVVISO, importoCentesimi: 99_999_999_999 })).toBe('PAGOPA|002|302000000000123456|01234567897|99999999999');
  });

  it.each<[string, Partial<AvvisoPagamento>]>([
    ['no codice avviso yet', { codiceAvviso: null }],
    ['a codice avviso of 17 digits', { codiceAvviso: '30200000000012345' }],
    ['a codice avviso already grouped', { codiceAvviso: '3020 0000 0000 1234 56' }],
    ['a codice avviso with a letter', { codiceAvviso: '30200000000012345A' }],
    ['no codice fiscale of the ente', { codiceFiscaleEnte: null }],
    ['a codice fiscale of 10 digits', { codiceFiscaleEnte: '0123456789' }],
    ['a codice fiscale with the wrong check digit', { codiceFiscaleEnte: '01234567890' }],
    ['a personal codice fiscale', { codiceFiscaleEnte: 'RSSMRA80A01H501U' }],
    ['a zero amount', { importoCentesimi: 0 }],
    ['a negative amount', { importoCentesimi: -1650 }],
    ['an amount in euros, not cents', { importoCentesimi: 16.5 }],
    ['an amount longer than 11 digits', { importoCentesimi: 100_000_000_000 }],
  ])('gives no QR for %s', (_caso, modifica) => {
    expect(qrPagoPa({ ...AVVISO, ...modifica })).toBeNull();
  });
});

describe('importoInEuro', () => {
  it('writes cents as euros the Italian way, grouping thousands', () => {
    expect(importoInEuro(1650)).toBe('16,50 €');
    expect(importoInEuro(5)).toBe('0,05 €');
    expect(importoInEuro(123450)).toBe('1.234,50 €');
    expect(importoInEuro(100_000_000)).toBe('1.000.000,00 €');
    expect(() => importoInEuro(16.5)).toThrow(RangeError);
  });
});

describe('avviso di pagamento pagoPA', () => {
  it('in A4 states ente, causale, amount, deadline, the grouped codice avviso and where to pay', async () => {
    const f = cartella.scrivi('avviso.pdf', await avvisoPagamentoPdf(AVVISO, 'a4', GENERATO_IL));
    expect(pdfinfo(f)['Page size']).toContain('A4');
    const t = testo(f);
    for (const atteso of [
      'Avviso di pagamento pagoPA',
      'Ente creditore Comune di Prova',
      'Codice fiscale ente 01234567897',
      'Diritti di segreteria per il certificato di residenza',
      'Importo 16,50 €',
      'Scadenza entro il 1 settembre 2026',
      'Codice avviso 3020 0000 0000 1234 56',
      'SP-2026-000123',
      DOVE_PAGARE,
      'Avviso generato il 3 agosto 2026 alle 09:15',
    ]) {
      expect(t).toContain(atteso);
    }
  });

  it('in A4 prints a QR code that reads back as the exact pagoPA string, version 4 and 25 mm wide', async () => {
    const f = cartella.scrivi('avviso-qr.pdf', await avvisoPagamentoPdf(AVVISO, 'a4', GENERATO_IL));
    const qr = leggiQr(f, 'avviso-qr');
    expect(qr?.data).toBe(QR_ATTESO);
    expect(qr?.version).toBe(4);
    const { topLeftCorner: sx, topRightCorner: dx } = qr?.location ?? { topLeftCorner: { x: 0, y: 0 }, topRightCorner: { x: 0, y: 0 } };
    expect(Math.hypot(dx.x - sx.x, dx.y - sx.y)).toBeCloseTo(LATO_QR_PX, -1);
  });

  it('on an 80 mm roll is one page 80 mm wide, PDF/A-2B, with the same fields and a readable QR code', async () => {
    const pdf = await avvisoPagamentoPdf(AVVISO, '80mm', GENERATO_IL);
    const f = cartella.scrivi('avviso-80mm.pdf', pdf);
    attendiRotolo80mm(pdf, f);
    const t = testo(f);
    for (const atteso of ['Avviso di pagamento pagoPA', 'Comune di Prova', '16,50 €', 'entro il 1 settembre 2026', '3020 0000 0000 1234 56', 'inquadrando il codice QR']) {
      expect(t).toContain(atteso);
    }
    expect(leggiQr(f, 'avviso-80mm')?.data).toBe(QR_ATTESO);
  });

  it('before the portal issues the codice avviso says so, with no QR code and no invitation to scan one', async () => {
    const f = cartella.scrivi('senza-codice.pdf', await avvisoPagamentoPdf({ ...AVVISO, codiceAvviso: null }, '80mm', GENERATO_IL));
    const t = testo(f);
    expect(t).toContain('Codice avviso non ancora emesso');
    expect(t).toContain('Il codice avviso non è ancora stato emesso');
    expect(t).not.toContain('inquadrando');
    expect(leggiQr(f, 'senza-codice')).toBeNull();
  });

  it("without the ente's codice fiscale prints the codice avviso to type in, and no QR code", async () => {
    const f = cartella.scrivi('senza-cf.pdf', await avvisoPagamentoPdf({ ...AVVISO, codiceFiscaleEnte: null, scadenza: null }, 'a4', GENERATO_IL));
    const t = testo(f);
    expect(t).toContain('3020 0000 0000 1234 56');
    expect(t).toContain('indicando il codice avviso');
    expect(t).not.toContain('Codice fiscale ente');
    expect(t).not.toContain('Scadenza');
    expect(leggiQr(f, 'senza-cf')).toBeNull();
  });

  it('gives the same bytes for the same notice at the same instant', async () => {
    const [uno, due] = await Promise.all([avvisoPagamentoPdf(AVVISO, 'a4', GENERATO_IL), avvisoPagamentoPdf(AVVISO, 'a4', GENERATO_IL)]);
    expect(Buffer.from(uno).equals(Buffer.from(due))).toBe(true);
  });
});
