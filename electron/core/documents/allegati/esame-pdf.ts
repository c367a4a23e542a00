/**
 * Looks inside an uploaded PDF without trusting it: truncated, encrypted, damaged or
 * absurd files (a page tree claiming millions of pages, a metadata stream that inflates
 * without end) and files with active content are refused with a reason. Work is
 * bounded: the file size is capped before parsing, the page count is read from the page
 * tree's root instead of walking a tree that may loop, metadata is inflated with an
 * output cap, and parsing has a deadline.
 */
import { inflateSync } from 'node:zlib';
import { EncryptedPDFError, PDFArray, PDFDict, PDFDocument, PDFName, PDFNumber, PDFRawStream } from '@cantoo/pdf-lib';
import type { CodiceAllegato } from '../../../shared/contract/errori';
import { contenutoAttivo, type ContenutoAttivo } from './contenuto-attivo';
import { dimensioneLeggibile } from '../../../shared/dimensione-file';
import { dichiarazionePdfA, type DichiarazionePdfA } from './xmp-pdfa';

export interface LimitiPdf {
  byteMassimi: number;
  pagineMassime: number;
  millisecondiMassimi: number;
}

export const LIMITI_PDF: LimitiPdf = { byteMassimi: 50 * 1024 * 1024, pagineMassime: 2000, millisecondiMassimi: 5000 };

const XMP_MASSIMO = 4 * 1024 * 1024;

export interface DatiPdf {
  versione: string;
  pagine: number;
  pdfa: DichiarazionePdfA | null;
}

export type EsamePdf = ({ ok: true } & DatiPdf) | { ok: false; codice: CodiceAllegato; messaggio: string };

const NON_ACCETTABILE = 'e per sicurezza non può essere accettato.';
const STAMPALO = 'Stampalo come PDF ("Stampa", poi "Salva come PDF") e allega il file ottenuto.';

const PERCHE_ATTIVO: Record<ContenutoAttivo, string> = {
  script: `contiene istruzioni eseguibili (JavaScript) ${NON_ACCETTABILE} Se è un modulo compilato, stampalo come PDF ("Stampa", poi "Salva come PDF") e allega il file ottenuto.`,
  'modulo-xfa': `è un modulo interattivo (XFA) che può eseguire istruzioni ${NON_ACCETTABILE} ${STAMPALO}`,
  'avvio-programmi': `contiene comandi che avviano programmi ${NON_ACCETTABILE} ${STAMPALO}`,
  'file-incorporati': `contiene altri file al suo interno ${NON_ACCETTABILE} Allega ciascun documento come file a sé.`,
  multimedia: `contiene contenuti multimediali interattivi ${NON_ACCETTABILE} ${STAMPALO}`,
  'azione-automatica': `all'apertura si collega da solo a internet o apre altri file, ${NON_ACCETTABILE} ${STAMPALO}`,
};

function rifiuto(codice: CodiceAllegato, messaggio: string): EsamePdf {
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

/** `nome` is the already made safe name, quoted in the messages. */
export async function esaminaPdf(nome: string, byte: Uint8Array, limiti: LimitiPdf = LIMITI_PDF): Promise<EsamePdf> {
  const danneggiato = `Il file "${nome}" è danneggiato e non si può leggere. Salvalo di nuovo come PDF e riprova.`;
  if (byte.length > limiti.byteMassimi) {
    return rifiuto('allegato-troppo-grande', `Il file "${nome}" pesa ${dimensioneLeggibile(byte.length)}: un PDF si può controllare fino a ${dimensioneLeggibile(limiti.byteMassimi)}. Dividilo in più file.`);
  }
  const versione = /^%PDF-(\d\.\d)/.exec(Buffer.from(byte.subarray(0, 16)).toString('latin1'))?.[1];
  if (!versione) return rifiuto('allegato-pdf-non-valido', `Il file "${nome}" non è un PDF valido. Salvalo di nuovo come PDF e riprova.`);
  // A complete PDF ends with its cross-reference pointer; a cut-off download or copy does not.
  const coda = Buffer.from(byte.subarray(Math.max(0, byte.length - 2048))).toString('latin1');
  if (!coda.includes('%%EOF') || !coda.includes('startxref')) {
    return rifiuto('allegato-pdf-incompleto', `Il file "${nome}" non è un PDF valido: potrebbe essere incompleto. Salvalo di nuovo e riprova.`);
  }

  // parseSpeed keeps the event loop turning, so the deadline can fire during a slow parse.
  const esito = await conScadenza(
    PDFDocument.load(byte, { updateMetadata: false, parseSpeed: 2000, throwOnInvalidObject: false }).then(
      (doc) => ({ doc }),
      (e: unknown) => ({ errore: e }),
    ),
    limiti.millisecondiMassimi,
  );
  const cifrato = `Il file "${nome}" è protetto da password o cifrato. Salvane una copia senza protezione e riprova.`;
  if (esito === 'scaduto') {
    return rifiuto('allegato-pdf-troppo-complesso', `Il file "${nome}" è troppo complesso per essere controllato in tempo utile. Salvalo di nuovo come PDF/A o dividilo in più file.`);
  }
  if ('errore' in esito) return esito.errore instanceof EncryptedPDFError ? rifiuto('allegato-pdf-cifrato', cifrato) : rifiuto('allegato-pdf-non-valido', danneggiato);
  const { doc } = esito;
  if (doc.isEncrypted) return rifiuto('allegato-pdf-cifrato', cifrato);
  // pdf-lib takes whatever the damaged trailer's /Root names for the catalog, a number or nothing included.
  if (!((doc.catalog as unknown) instanceof PDFDict)) return rifiuto('allegato-pdf-non-valido', danneggiato);

  const radice = doc.catalog.lookup(PDFName.of('Pages'));
  const conteggio = radice instanceof PDFDict ? radice.lookup(PDFName.of('Count')) : undefined;
  const pagine = conteggio instanceof PDFNumber ? conteggio.asNumber() : NaN;
  if (!Number.isInteger(pagine) || pagine < 1) return rifiuto('allegato-pdf-non-valido', danneggiato);
  if (pagine > limiti.pagineMassime) {
    return rifiuto(
      'allegato-pdf-troppe-pagine',
      `Il file "${nome}" ha ${pagine.toLocaleString('it-IT')} pagine: se ne possono allegare al massimo ${limiti.pagineMassime.toLocaleString('it-IT')} per file. Dividilo in più file.`,
    );
  }
  const attivo = contenutoAttivo(doc, byte);
  if (attivo === 'illeggibile') return rifiuto('allegato-pdf-non-valido', danneggiato);
  if (attivo) return rifiuto('allegato-pdf-contenuto-attivo', `Il file "${nome}" ${PERCHE_ATTIVO[attivo]}`);

  const xmp = xmpDelCatalogo(doc);
  return { ok: true, versione, pagine, pdfa: xmp ? dichiarazionePdfA(xmp) : null };
}
