/**
 * Looks inside an uploaded PDF without trusting it: truncated, encrypted, damaged or
 * absurd files (a page tree claiming millions of pages, a metadata stream that inflates
 * without end) are refused with a reason. Work is bounded: the file size is capped
 * before parsing, the page count is read from the page tree's root instead of walking
 * a tree that may loop, metadata is inflated with an output cap, and parsing has a
 * deadline.
 */
import { inflateSync } from 'node:zlib';
import { EncryptedPDFError, PDFArray, PDFDict, PDFDocument, PDFName, PDFNumber, PDFRawStream } from '@cantoo/pdf-lib';
import { dichiarazionePdfA, type DichiarazionePdfA } from './xmp-pdfa';

export interface LimitiPdf {
  byteMassimi: number;
  pagineMassime: number;
  millisecondiMassimi: number;
}

export const LIMITI_PDF: LimitiPdf = { byteMassimi: 50 * 1024 * 1024, pagineMassime: 2000, millisecondiMassimi: 5000 };

const XMP_MASSIMO = 4 * 1024 * 1024;

export type EsamePdf =
  | { ok: true; versione: string; pagine: number; pdfa: DichiarazionePdfA | null }
  | { ok: false; codice: string; messaggio: string };

function rifiuto(codice: string, messaggio: string): EsamePdf {
  return { ok: false, codice, messaggio };
}

/** Raw bytes of the catalog's XMP stream, inflated if Flate-encoded; null when absent or unreadable. */
function xmpDelCatalogo(doc: PDFDocument): string | null {
  const stream = doc.catalog.lookup(PDFName.of('Metadata'));
  if (!(stream instanceof PDFRawStream)) return null;
  const filtro = stream.dict.lookup(PDFName.of('Filter'));
  const nomeFiltro = filtro instanceof PDFArray ? filtro.lookup(0) : filtro;
  const grezzo = stream.getContents();
  if (nomeFiltro === undefined) return Buffer.from(grezzo.subarray(0, XMP_MASSIMO)).toString('utf8');
  if (nomeFiltro !== PDFName.of('FlateDecode') || (filtro instanceof PDFArray && filtro.size() > 1)) return null;
  try {
    return inflateSync(grezzo, { maxOutputLength: XMP_MASSIMO }).toString('utf8');
  } catch {
    return null;
  }
}

function conScadenza<T>(lavoro: Promise<T>, ms: number): Promise<T | 'scaduto'> {
  let timer: NodeJS.Timeout | undefined;
  const scadenza = new Promise<'scaduto'>((r) => {
    timer = setTimeout(() => r('scaduto'), ms);
  });
  return Promise.race([lavoro, scadenza]).finally(() => clearTimeout(timer));
}

export async function esaminaPdf(byte: Uint8Array, limiti: LimitiPdf = LIMITI_PDF): Promise<EsamePdf> {
  if (byte.length > limiti.byteMassimi) {
    return rifiuto('allegato.troppo-grande', `Il PDF supera la dimensione massima di ${Math.round(limiti.byteMassimi / 1048576)} MB.`);
  }
  const testa = Buffer.from(byte.subarray(0, 1024)).toString('latin1');
  const versione = /%PDF-(\d\.\d)/.exec(testa)?.[1];
  if (!versione) return rifiuto('allegato.pdf-non-valido', 'Il file non è un PDF valido: manca l’intestazione %PDF.');
  const coda = Buffer.from(byte.subarray(Math.max(0, byte.length - 2048))).toString('latin1');
  if (!coda.includes('%%EOF') || !coda.includes('startxref')) {
    return rifiuto('allegato.pdf-incompleto', 'Il PDF è incompleto o danneggiato (il file sembra troncato): lo carichi di nuovo.');
  }

  // parseSpeed keeps the event loop turning, so the deadline can fire during a slow parse.
  const esito = await conScadenza(
    PDFDocument.load(byte, { updateMetadata: false, parseSpeed: 2000, throwOnInvalidObject: false }).then(
      (doc) => ({ doc }),
      (e: unknown) => ({ errore: e }),
    ),
    limiti.millisecondiMassimi,
  );
  if (esito === 'scaduto') return rifiuto('allegato.pdf-troppo-complesso', 'Il PDF è troppo complesso per essere controllato in tempo utile.');
  if ('errore' in esito) {
    return esito.errore instanceof EncryptedPDFError
      ? rifiuto('allegato.pdf-cifrato', 'Il PDF è protetto da password o cifrato: carichi una versione senza protezione.')
      : rifiuto('allegato.pdf-non-valido', 'Il PDF è danneggiato e non può essere letto.');
  }
  const { doc } = esito;
  if (doc.isEncrypted) return rifiuto('allegato.pdf-cifrato', 'Il PDF è protetto da password o cifrato: carichi una versione senza protezione.');

  const radice = doc.catalog.lookup(PDFName.of('Pages'));
  const conteggio = radice instanceof PDFDict ? radice.lookup(PDFName.of('Count')) : undefined;
  const pagine = conteggio instanceof PDFNumber ? conteggio.asNumber() : NaN;
  if (!Number.isInteger(pagine) || pagine < 1) return rifiuto('allegato.pdf-non-valido', 'Il PDF è danneggiato: non contiene pagine leggibili.');
  if (pagine > limiti.pagineMassime) {
    return rifiuto('allegato.pdf-troppe-pagine', `Il PDF dichiara ${pagine} pagine: il massimo ammesso è ${limiti.pagineMassime}.`);
  }
  const xmp = xmpDelCatalogo(doc);
  return { ok: true, versione, pagine, pdfa: xmp ? dichiarazionePdfA(xmp) : null };
}
