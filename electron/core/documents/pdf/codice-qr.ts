/**
 * A QR code drawn as vector squares, so it stays sharp on any printer (the 80 mm thermal
 * roll included) and PDF/A needs no image. The matrix comes from `qrcode` (ISO/IEC 18004
 * encoder, maintained, no native parts): encoding Reed-Solomon and masking by hand would be
 * a second QR implementation to keep correct.
 */
import { rgb } from '@cantoo/pdf-lib';
import QRCode from 'qrcode';
import type { Impaginatore } from './impaginatore';

/** ISO/IEC 18004 asks for 4 light modules around the symbol, or readers may not find it. */
const ZONA_DI_RISPETTO = 4;

export interface OpzioniQr {
  /** Side of the symbol in points, without the quiet zone. */
  lato: number;
  correzione: 'L' | 'M' | 'Q' | 'H';
  versione: number;
}

/**
 * Draws `testo` as one byte-mode segment (UTF-8) centred at the current position. One
 * segment, not the library's mixed numeric/byte optimisation, so the symbol is the version
 * asked for: a spec may fix it (pagoPA does), and a smaller one would print coarser.
 */
export function disegnaCodiceQr(imp: Impaginatore, testo: string, opzioni: OpzioniQr): void {
  const { modules } = QRCode.create([{ data: Buffer.from(testo, 'utf8'), mode: 'byte' }], { errorCorrectionLevel: opzioni.correzione, version: opzioni.versione });
  const modulo = opzioni.lato / modules.size;
  // One path of horizontal runs: a single fill leaves no hairline seams between adjacent squares when rasterised.
  let percorso = '';
  for (let riga = 0; riga < modules.size; riga++) {
    for (let colonna = 0; colonna < modules.size; ) {
      if (!modules.get(riga, colonna)) {
        colonna++;
        continue;
      }
      const inizio = colonna;
      while (colonna < modules.size && modules.get(riga, colonna)) colonna++;
      percorso += `M${inizio} ${riga}h${colonna - inizio}v1h${inizio - colonna}z`;
    }
  }
  const margine = ZONA_DI_RISPETTO * modulo;
  const x = (imp.formato.larghezza - opzioni.lato) / 2;
  imp.figura(opzioni.lato + 2 * margine, (pagina, alto) => pagina.drawSvgPath(percorso, { x, y: alto - margine, scale: modulo, color: rgb(0, 0, 0) }));
}
