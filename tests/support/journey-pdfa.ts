/**
 * A real PDF/A-2b file for the journeys to attach, made with pdf-lib's own PDF/A
 * conversion (output intent with sRGB, XMP with pdfaid, document ID). Only vector
 * graphics: text would need an embedded font, and this is a document a citizen
 * scanned, not one we write.
 */
import { PDFDocument, rgb } from '@cantoo/pdf-lib';
import { writeFileSync } from 'node:fs';

async function pdfaBytes(title: string): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([595, 842]);
  page.drawRectangle({ x: 60, y: 680, width: 475, height: 100, borderColor: rgb(0, 0.4, 0.8), borderWidth: 2 });
  for (let line = 0; line < 12; line++) page.drawLine({ start: { x: 60, y: 620 - line * 30 }, end: { x: 535, y: 620 - line * 30 }, thickness: 1, color: rgb(0.3, 0.3, 0.3) });
  doc.setTitle(title);
  doc.setCreationDate(new Date('2026-09-01T09:00:00Z'));
  doc.setModificationDate(new Date('2026-09-01T09:00:00Z'));
  doc.convertToPDFA({ conformance: '2B' });
  return doc.save();
}

/** Writes the PDF/A to `path` (a file the browser's file chooser can pick) and returns the path. */
export async function writePdfa(path: string, title: string): Promise<string> {
  writeFileSync(path, await pdfaBytes(title));
  return path;
}
