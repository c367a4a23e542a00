/**
 * The bundled fonts (Titillium Web, SIL OFL, see fonts/OFL.txt): PDF/A forbids the
 * non-embedded standard 14 fonts, and Italian text needs accented glyphs.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fontkit from '@cantoo/fontkit';
import type { PDFDocument, PDFFont } from '@cantoo/pdf-lib';

const CARTELLA = join(__dirname, '..', 'fonts');

interface FileCarattere {
  byte: Uint8Array;
  /** The parsed font, shared by every document: parsing a TTF costs more than laying out a page. */
  font: unknown;
  /** Code points the font can draw: anything else is replaced before drawing. */
  haGlifo(codice: number): boolean;
}

const cache = new Map<string, FileCarattere>();

function carica(nome: string): FileCarattere {
  let trovato = cache.get(nome);
  if (!trovato) {
    const byte = new Uint8Array(readFileSync(join(CARTELLA, nome)));
    const font = fontkit.create(byte) as { hasGlyphForCodePoint(c: number): boolean };
    trovato = { byte, font, haGlifo: (c) => font.hasGlyphForCodePoint(c) };
    cache.set(nome, trovato);
  }
  return trovato;
}

export interface Caratteri {
  normale: PDFFont;
  grassetto: PDFFont;
  /** `testo` with characters the fonts cannot draw replaced, so no glyph is ever missing. */
  pulisci(testo: string): string;
}

/**
 * fontkit as pdf-lib sees it, handing back the already parsed font for our bundled
 * files. A fontkit font is read-only once parsed (each document makes its own subset).
 */
const fontkitCondiviso = {
  ...fontkit,
  create(byte: Uint8Array, postscriptName?: string) {
    for (const c of cache.values()) if (c.byte === byte) return c.font;
    return postscriptName === undefined ? fontkit.create(byte) : fontkit.create(byte, postscriptName);
  },
};

export async function incorporaCaratteri(doc: PDFDocument): Promise<Caratteri> {
  doc.registerFontkit(fontkitCondiviso as typeof fontkit);
  const normale = carica('TitilliumWeb-Regular.ttf');
  const grassetto = carica('TitilliumWeb-Bold.ttf');
  // A subset font's name carries a six-letter tag (ISO 32000 9.6.4); a fixed one keeps output deterministic.
  return {
    normale: await doc.embedFont(normale.byte, { subset: true, customName: 'SPTLAA+TitilliumWeb-Regular' }),
    grassetto: await doc.embedFont(grassetto.byte, { subset: true, customName: 'SPTLAB+TitilliumWeb-Bold' }),
    pulisci(testo) {
      let esito = '';
      for (const carattere of testo.normalize('NFC').replace(/[\t\r]/g, ' ')) {
        const codice = carattere.codePointAt(0) ?? 0x3f;
        esito += carattere === '\n' || (normale.haGlifo(codice) && grassetto.haGlifo(codice)) ? carattere : '?';
      }
      return esito;
    },
  };
}
