/**
 * The coat of arms a portal names is taken only as a PNG or JPEG recognised by its bytes, within
 * the cap: SVG (which may carry script), a file whose bytes are not what it claims, an oversized
 * or empty one, one declaring a picture too large to decode are refused; what is taken reaches the page as a data: URL the contract accepts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { STEMMA_MAX_BYTES, STEMMA_MAX_LATO, stemmaDataUrl, stemmaSchema, verificaStemma } from '../../../electron/core/catalogue/stemma';
import { stemmaViewSchema } from '../../../electron/shared/contract/catalogue';

const FIXTURES = join(__dirname, '../../fixtures/stemma');
const PNG = readFileSync(join(FIXTURES, 'stemma-comune.png'));
const JPEG = readFileSync(join(FIXTURES, 'stemma-comune.jpg'));
const SVG_CON_SCRIPT = Buffer.from('<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"><script>fetch("/x")</script><rect width="9" height="9"/></svg>');

describe('stemma del comune', () => {
  it('PNG e JPEG veri sono accettati, con il tipo letto dai byte', () => {
    expect(verificaStemma(PNG)).toEqual({ ok: true, mime: 'image/png' });
    expect(verificaStemma(JPEG)).toEqual({ ok: true, mime: 'image/jpeg' });
  });

  it('un SVG con uno script è rifiutato, anche senza prologo XML, dopo spazi o BOM', () => {
    for (const svg of [SVG_CON_SCRIPT, Buffer.from('  \n<svg onload="alert(1)"/>'), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('<svg/>')])]) {
      const esito = verificaStemma(svg);
      expect(esito.ok).toBe(false);
      expect(esito.ok || esito.motivo).toContain('SVG');
    }
  });

  it('oltre il limite è rifiutato; al limite esatto no', () => {
    const alLimite = Buffer.concat([PNG, Buffer.alloc(STEMMA_MAX_BYTES - PNG.length)]);
    expect(verificaStemma(alLimite)).toEqual({ ok: true, mime: 'image/png' });
    const oltre = Buffer.concat([alLimite, Buffer.alloc(1)]);
    expect(verificaStemma(oltre)).toMatchObject({ ok: false, motivo: expect.stringContaining(String(STEMMA_MAX_BYTES)) });
  });

  it('un file piccolo che dichiara un\'immagine enorme è rifiutato (PNG e JPEG); al lato massimo no', () => {
    const png = (lato: number) => {
      const b = Buffer.from(PNG);
      b.writeUInt32BE(lato, 16);
      return b;
    };
    const sof = JPEG.indexOf(Buffer.from([0xff, 0xc0]));
    expect(sof).toBeGreaterThan(2);
    const jpeg = (lato: number) => {
      const b = Buffer.from(JPEG);
      b.writeUInt16BE(lato, sof + 5);
      return b;
    };
    expect(JPEG.readUInt16BE(sof + 5)).toBe(108);
    expect(JPEG.readUInt16BE(sof + 7)).toBe(96);
    expect(verificaStemma(png(STEMMA_MAX_LATO)).ok).toBe(true);
    expect(verificaStemma(jpeg(STEMMA_MAX_LATO)).ok).toBe(true);
    for (const bytes of [png(30_000), jpeg(30_000)]) expect(verificaStemma(bytes)).toMatchObject({ ok: false, motivo: expect.stringContaining('30000') });
    expect(verificaStemma(png(0))).toMatchObject({ ok: false, motivo: expect.stringContaining('dimensioni') });
  });

  it('byte iniziali sbagliati sono rifiutati: GIF, PDF, HTML, un PNG troncato nella firma, vuoto', () => {
    for (const bytes of [Buffer.from('GIF89a\x01\x00\x01\x00'), Buffer.from('%PDF-1.7\n'), Buffer.from('MZ\x90\x00'), PNG.subarray(0, 7), Buffer.alloc(0)]) {
      expect(verificaStemma(bytes).ok, bytes.subarray(0, 8).toString('hex')).toBe(false);
    }
    expect(verificaStemma(Buffer.from('<!DOCTYPE html><p>404</p>'))).toMatchObject({ ok: false });
  });

  it('il data: URL passa lo schema del contratto; un SVG o un indirizzo remoto no', () => {
    const kept = stemmaSchema.parse({ url: 'https://www.comune.esempio.it/logo.png', mime: 'image/png', base64: PNG.toString('base64') });
    const immagine = stemmaDataUrl(kept);
    expect(Buffer.from(immagine.split(',')[1]!, 'base64').equals(PNG)).toBe(true);
    expect(stemmaViewSchema.safeParse({ immagine }).success).toBe(true);
    expect(stemmaViewSchema.safeParse({ immagine: `data:image/svg+xml;base64,${SVG_CON_SCRIPT.toString('base64')}` }).success).toBe(false);
    expect(stemmaViewSchema.safeParse({ immagine: 'https://www.comune.esempio.it/logo.png' }).success).toBe(false);
  });
});
