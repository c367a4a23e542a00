/**
 * Creating and saving our PDFs as PDF/A-2B. Nothing in a saved file depends on the
 * wall clock or on chance: dates come from the caller's clock and the file /ID from
 * the content's identity, so the same pratica at the same instant gives the same bytes
 * (tests compare them, and a re-generated module keeps its hash).
 */
import { createHash } from 'node:crypto';
import { PDFDocument, PDFHexString } from '@cantoo/pdf-lib';

export interface MetadatiPdf {
  titolo: string;
  autore: string;
  soggetto: string;
  data: Date;
  /** Anything identifying the content: the file /ID is derived from it. */
  identita: string;
}

export function nuovoDocumento(): Promise<PDFDocument> {
  // updateMetadata: false, or pdf-lib would stamp its own name and the current time.
  return PDFDocument.create({ updateMetadata: false });
}

export async function salvaPdfA(doc: PDFDocument, meta: MetadatiPdf): Promise<Uint8Array> {
  doc.setTitle(meta.titolo);
  doc.setAuthor(meta.autore);
  doc.setSubject(meta.soggetto);
  doc.setCreator('Sportello');
  doc.setProducer('Sportello');
  doc.setLanguage('it-IT');
  doc.setCreationDate(meta.data);
  doc.setModificationDate(meta.data);
  const id = createHash('sha256').update(meta.identita).update(meta.data.toISOString()).digest('hex').slice(0, 32);
  doc.context.trailerInfo.ID = doc.context.obj([PDFHexString.of(id), PDFHexString.of(id)]);
  doc.convertToPDFA({ conformance: '2B' });
  // Our documents are small: pausing every 50 objects to yield would only add timer latency.
  return doc.save({ objectsPerTick: Infinity });
}
