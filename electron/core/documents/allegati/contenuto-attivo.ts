/**
 * Active content in a citizen's PDF: things that act on the computer of whoever opens
 * it at the comune, instead of just being read. The rule, and why:
 *
 * Refused wherever they appear (key or value, any object, any revision):
 * - script: `/JavaScript` (the action type, and the document-level scripts tree),
 *   `/JS` (the script of an action), `/OnInstantiate` (the script of 3D artwork), and
 *   `/XFA` (XML forms, which carry their scripts inside a stream we do not read);
 * - `/Launch`: starts a program or opens another file;
 * - embedded files: `/EmbeddedFile`, `/EmbeddedFiles`, `/EF`, `/GoToE`. A file inside the
 *   file escapes every check of this folder; the citizen can attach it on its own. This
 *   also refuses PDF/A-3 with attachments (e.g. Factur-X invoices), a rare case for a
 *   citizen's upload;
 * - `/RichMedia`, `/RichMediaExecute`: Flash and interactive multimedia.
 *
 * Refused only when triggered on their own: an `/OpenAction` or an `/AA` (additional
 * actions: on open, on close, on page view, on field focus…) whose action — or one in its
 * `/Next` chain — goes out of the document: `/URI`, `/SubmitForm`, `/ImportData`,
 * `/GoToR`, besides the kinds above. An `/OpenAction` that only shows page 1, and links or
 * buttons the reader chooses to click, are everyday PDF and stay accepted: refusing every
 * `/OpenAction` or every link would refuse most PDFs exported from a word processor.
 *
 * A fillable form whose fields format dates or numbers with JavaScript is refused too:
 * the message tells the citizen to print it to PDF, which keeps what was typed.
 *
 * Where we look: every object the parser read, including those inside compressed object
 * streams (the parser inflates them); names are compared decoded, so `/J#61vaScript` is
 * `/JavaScript`. Then the raw bytes outside streams and strings (`nomi-pdf.ts`), for
 * objects the parser skipped as broken but a lenient reader might repair. An object
 * stream the parser could not read is refused as damaged: what is inside cannot be seen.
 *
 * Not covered: scripts inside stream data that no PDF reader runs as PDF script (page
 * content, fonts, images, XMP); an object stream hidden in bytes the parser skipped as
 * junk, or with a filter it cannot decode yet does not report; encrypted files (refused
 * before this check). A resource that a producer chose to name `/JS` or `/EF` would be a
 * false positive: no producer we know names fonts or images that way.
 */
import { PDFArray, PDFDict, PDFInvalidObject, PDFName, PDFStream, type PDFDocument, type PDFObject } from '@cantoo/pdf-lib';
import { nomiNellaSintassi } from './nomi-pdf';

export type ContenutoAttivo = 'script' | 'modulo-xfa' | 'avvio-programmi' | 'file-incorporati' | 'multimedia' | 'azione-automatica';
/** An object stream the parser could not read: its objects could not be checked. */
export type Illeggibile = 'illeggibile';

const NOMI_VIETATI: Readonly<Record<string, ContenutoAttivo>> = {
  JavaScript: 'script',
  JS: 'script',
  OnInstantiate: 'script',
  XFA: 'modulo-xfa',
  Launch: 'avvio-programmi',
  EmbeddedFile: 'file-incorporati',
  EmbeddedFiles: 'file-incorporati',
  EF: 'file-incorporati',
  GoToE: 'file-incorporati',
  RichMedia: 'multimedia',
  RichMediaExecute: 'multimedia',
};

// pdf-lib keeps one PDFName per decoded name, so parsed names compare by identity.
const NOMI_VIETATI_PDF = new Map(Object.entries(NOMI_VIETATI).map(([nome, motivo]) => [PDFName.of(nome), motivo]));

/** Actions that leave the document: refused when they run without the reader's click. */
const AZIONI_VERSO_FUORI = new Set(['URI', 'SubmitForm', 'ImportData', 'GoToR', 'Launch', 'JavaScript', 'GoToE'].map((n) => PDFName.of(n)));

/** An action (and its `/Next` chain) that leaves the document; `visti` stops loops. */
function esceDalDocumento(doc: PDFDocument, azione: PDFObject | undefined, visti = new Set<PDFObject>()): boolean {
  const oggetto = azione === undefined ? undefined : doc.context.lookup(azione);
  if (oggetto === undefined || visti.has(oggetto)) return false;
  visti.add(oggetto);
  if (oggetto instanceof PDFArray) return oggetto.asArray().some((a) => esceDalDocumento(doc, a, visti));
  if (!(oggetto instanceof PDFDict)) return false;
  const tipo = oggetto.lookup(PDFName.of('S'));
  if (tipo instanceof PDFName && AZIONI_VERSO_FUORI.has(tipo)) return true;
  return esceDalDocumento(doc, oggetto.get(PDFName.of('Next')), visti);
}

function azioneAutomatica(doc: PDFDocument, dizionario: PDFDict): boolean {
  // An /OpenAction array is a destination (which page to show), not an action.
  const apertura = doc.context.lookup(dizionario.get(PDFName.of('OpenAction')));
  if (apertura instanceof PDFDict && esceDalDocumento(doc, apertura)) return true;
  const aggiuntive = doc.context.lookup(dizionario.get(PDFName.of('AA')));
  return aggiuntive instanceof PDFDict && aggiuntive.values().some((azione) => esceDalDocumento(doc, azione));
}

/** Walks one parsed object and what it holds directly (references are their own objects). */
function nelloOggetto(doc: PDFDocument, radice: PDFObject): ContenutoAttivo | Illeggibile | undefined {
  const pila: PDFObject[] = [radice];
  while (pila.length > 0) {
    const o = pila.pop()!;
    if (o instanceof PDFName) {
      const trovato = NOMI_VIETATI_PDF.get(o);
      if (trovato) return trovato;
    } else if (o instanceof PDFDict) {
      if (azioneAutomatica(doc, o)) return 'azione-automatica';
      for (const [chiave, valore] of o.entries()) pila.push(chiave, valore);
    } else if (o instanceof PDFArray) {
      for (const elemento of o.asArray()) pila.push(elemento);
    } else if (o instanceof PDFStream) {
      pila.push(o.dict);
    } else if (o instanceof PDFInvalidObject) {
      const byte = new Uint8Array(o.sizeInBytes());
      o.copyBytesInto(byte, 0);
      for (const nome of nomiNellaSintassi(byte)) if (nome === 'ObjStm') return 'illeggibile';
    }
  }
  return undefined;
}

export function contenutoAttivo(doc: PDFDocument, contenuto: Uint8Array): ContenutoAttivo | Illeggibile | undefined {
  for (const [, oggetto] of doc.context.enumerateIndirectObjects()) {
    const trovato = nelloOggetto(doc, oggetto);
    if (trovato) return trovato;
  }
  for (const nome of nomiNellaSintassi(contenuto)) {
    if (Object.hasOwn(NOMI_VIETATI, nome)) return NOMI_VIETATI[nome];
  }
  return undefined;
}
