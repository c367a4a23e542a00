/**
 * The comune's coat of arms, as the portal names it (the ente's `meta.logo`, a URL its back office
 * types: assets/app/schemas/graphic_aspect_tenant.json "Logo url"). Its bytes come from wherever
 * that URL points, so they are taken only when they are what an image of the page may be:
 * PNG or JPEG recognised by their first bytes (whatever the server's Content-Type says), within
 * a size cap. SVG is refused, not sanitised: it is a document that can carry script and links,
 * and a portal's file must never run with the page's powers. The page gets it as a `data:` URL,
 * so it needs no address outside the app (the CSP's `img-src` has none).
 */
import { z } from 'zod';
import { tipoPerEstensione, type TipoFile } from '../documents/allegati/tipi-file';

/** A coat of arms is shown at 60 px high at most: 256 KiB is plenty, and keeps the catalogue small. */
export const STEMMA_MAX_BYTES = 256 * 1024;
/**
 * Sides beyond this are refused: a small file can declare a huge picture (a PNG of one colour
 * compresses a 30000x30000 bitmap into a few KiB) that the page would have to decode whole.
 */
export const STEMMA_MAX_LATO = 4096;

const TIPI_STEMMA: readonly TipoFile[] = [tipoPerEstensione('png')!, tipoPerEstensione('jpg')!];
const MIME_STEMMA = ['image/png', 'image/jpeg'] as const;

/** As the catalogue keeps it (tenant.json's `stemma`): where it came from, and the bytes. */
export const stemmaSchema = z.object({
  url: z.string().min(1).max(2000),
  mime: z.enum(MIME_STEMMA),
  base64: z.string().max(Math.ceil(STEMMA_MAX_BYTES / 3) * 4).regex(/^[A-Za-z0-9+/]*={0,2}$/),
});
export type Stemma = z.infer<typeof stemmaSchema>;

export type EsitoStemma = { ok: true; mime: Stemma['mime'] } | { ok: false; motivo: string };

/** `<svg`, `<?xml`, HTML: markup of any kind, after an optional BOM and blanks. */
const sembraMarkup = (byte: Uint8Array) => /^(\u00EF\u00BB\u00BF)?\s*</.test(Buffer.from(byte.subarray(0, 256)).toString('latin1'));

const u16 = (b: Uint8Array, i: number) => ((b[i] ?? 0) << 8) | (b[i + 1] ?? 0);
const u32 = (b: Uint8Array, i: number) => u16(b, i) * 0x10000 + u16(b, i + 2);

/** PNG: the IHDR chunk comes first, right after the signature (width, height at bytes 16 and 20). */
function latiPng(b: Uint8Array): [number, number] | null {
  return Buffer.from(b.subarray(12, 16)).toString('latin1') === 'IHDR' ? [u32(b, 16), u32(b, 20)] : null;
}

/** JPEG: the frame header (SOF0-SOF15 but DHT, JPG, DAC) gives height then width; segments are walked to it. */
function latiJpeg(b: Uint8Array): [number, number] | null {
  for (let i = 2; i + 9 < b.length; ) {
    if (b[i] !== 0xff) return null;
    const marker = b[i + 1]!;
    if (marker === 0xff) {
      i++;
      continue;
    }
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) return [u16(b, i + 7), u16(b, i + 5)];
    if (marker === 0xd9 || marker === 0xda) return null;
    i += 2 + u16(b, i + 2);
  }
  return null;
}

export function verificaStemma(byte: Uint8Array): EsitoStemma {
  if (byte.length === 0) return { ok: false, motivo: 'immagine vuota' };
  if (byte.length > STEMMA_MAX_BYTES) return { ok: false, motivo: `immagine di ${byte.length} byte, oltre ${STEMMA_MAX_BYTES}` };
  if (sembraMarkup(byte)) return { ok: false, motivo: 'SVG o altro testo a marcatori: rifiutato, potrebbe contenere script' };
  const tipo = TIPI_STEMMA.find((t) => t.riconosci(byte));
  if (!tipo) return { ok: false, motivo: 'non è un\'immagine PNG o JPEG' };
  const lati = tipo.mime === 'image/png' ? latiPng(byte) : latiJpeg(byte);
  if (!lati || lati[0] === 0 || lati[1] === 0) return { ok: false, motivo: 'immagine senza dimensioni leggibili' };
  if (lati[0] > STEMMA_MAX_LATO || lati[1] > STEMMA_MAX_LATO) return { ok: false, motivo: `immagine di ${lati[0]}x${lati[1]} pixel, oltre ${STEMMA_MAX_LATO}` };
  return { ok: true, mime: tipo.mime as Stemma['mime'] };
}

/** The image as the page shows it. */
export function stemmaDataUrl(stemma: Stemma): string {
  return `data:${stemma.mime};base64,${stemma.base64}`;
}
