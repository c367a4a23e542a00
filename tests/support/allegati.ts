/**
 * Files a citizen might attach, built for the attachment tests: PDFs with and without a
 * PDF/A declaration (any prefix, compressed or not), with active content written the ways
 * an attacker would (plain, hex-escaped, inside a compressed object stream), truncated,
 * and images whose extension lies.
 */
import { deflateSync } from 'node:zlib';
import { PDFDocument, PDFName, PDFString } from '@cantoo/pdf-lib';
import { creaAllegatoDemo } from '../../electron/adapters/demo/allegato-demo';
import { ISTANTE } from '../fixtures/documents/pratica';

export const JPEG = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0, 0xff, 0xd9]);
export const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 0, 0, 0, 0]);

/** A one-page PDF, changed by `modifica` before saving (objects written one by one unless asked). */
export async function pdfCon(modifica: (doc: PDFDocument) => void = () => undefined, opzioni: { flussiDiOggetti?: boolean } = {}): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.addPage();
  modifica(doc);
  return doc.save({ useObjectStreams: opzioni.flussiDiOggetti ?? false });
}

export function xmpPdfA(prefisso: string, parte: string, conformita: string, forma: 'elemento' | 'attributo' = 'attributo'): string {
  const dichiarazione =
    forma === 'attributo'
      ? ` ${prefisso}:part="${parte}" ${prefisso}:conformance="${conformita}">`
      : `><${prefisso}:part>${parte}</${prefisso}:part><${prefisso}:conformance>${conformita}</${prefisso}:conformance>`;
  return `<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about="" xmlns:${prefisso}="http://www.aiim.org/pdfa/ns/id/"${dichiarazione}</rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end="w"?>`;
}

/** A PDF whose catalog carries `xmp` as its metadata stream, Flate-compressed if asked. */
export function pdfConXmp(xmp: string, compresso = false): Promise<Uint8Array> {
  return pdfCon((doc) => {
    const dict = { Type: 'Metadata', Subtype: 'XML' };
    const stream = compresso ? doc.context.flateStream(xmp, dict) : doc.context.stream(xmp, dict);
    doc.catalog.set(PDFName.of('Metadata'), doc.context.register(stream));
  });
}

/** Our own PDF/A-2B (the one the demo attaches), declared with the `pdfaid:` prefix. */
export const pdfA = (): Promise<Uint8Array> => creaAllegatoDemo('Attestazione ISEE', ['Valore ISEE: 15.000,00 €'], ISTANTE);

/** A PDF/A-declaring PDF that runs a script when opened. */
export function pdfConJavaScript(opzioni: { flussiDiOggetti?: boolean } = {}): Promise<Uint8Array> {
  return pdfCon((doc) => {
    aggiungiXmp(doc);
    const azione = doc.context.obj({ S: 'JavaScript', JS: PDFString.of('app.alert("ciao")') });
    doc.catalog.set(PDFName.of('OpenAction'), doc.context.register(azione));
  }, opzioni);
}

/** The same, with `/JavaScript` written `/J#61vaScript` (same length, so offsets stay right). */
export async function pdfConJavaScriptEsadecimale(): Promise<Uint8Array> {
  const testo = Buffer.from(await pdfConJavaScript()).toString('latin1');
  if (!testo.includes('/S /JavaScript\n')) throw new Error('forma inattesa del PDF di prova');
  return Uint8Array.from(Buffer.from(testo.replace('/S /JavaScript\n', '/S/J#61vaScript'), 'latin1'));
}

/**
 * A PDF written by hand, objects numbered from 1 (the first is the catalog), with a
 * correct cross-reference table: for what pdf-lib will not write.
 */
function pdfFattoAMano(oggetti: (string | Buffer)[]): Uint8Array {
  const parti: Buffer[] = [Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  const posizioni: number[] = [];
  let lunghezza = parti[0]!.length;
  oggetti.forEach((corpo, i) => {
    posizioni.push(lunghezza);
    const oggetto = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`, 'latin1'), Buffer.isBuffer(corpo) ? corpo : Buffer.from(corpo, 'latin1'), Buffer.from('\nendobj\n', 'latin1')]);
    parti.push(oggetto);
    lunghezza += oggetto.length;
  });
  const righe = posizioni.map((p) => `${String(p).padStart(10, '0')} 00000 n \n`).join('');
  parti.push(Buffer.from(`xref\n0 ${oggetti.length + 1}\n0000000000 65535 f \n${righe}trailer\n<< /Size ${oggetti.length + 1} /Root 1 0 R >>\nstartxref\n${lunghezza}\n%%EOF\n`, 'latin1'));
  return new Uint8Array(Buffer.concat(parti));
}

function flusso(dizionario: string, contenuto: Buffer): Buffer {
  return Buffer.concat([Buffer.from(`<< ${dizionario} /Length ${contenuto.length} >>\nstream\n`, 'latin1'), contenuto, Buffer.from('\nendstream', 'latin1')]);
}

/**
 * A PDF/A-declaring PDF whose /OpenAction (object 6) lives only in a Flate-compressed
 * object stream, written as `azione` (PDF syntax, escapes and all): nothing of it shows
 * in the raw bytes. (A viewer would also want an xref stream to locate object 6; the
 * checker reads every object stream it meets, located or not.)
 */
export function pdfConAzioneInFlussoCompresso(azione: string): Uint8Array {
  const xmp = Buffer.from(xmpPdfA('pdfaid', '2', 'B'), 'utf8');
  const intestazione = '6 0\n';
  const oggetti = deflateSync(Buffer.from(intestazione + azione, 'latin1'));
  return pdfFattoAMano([
    '<< /Type /Catalog /Pages 2 0 R /Metadata 4 0 R /OpenAction 6 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>',
    flusso('/Type /Metadata /Subtype /XML', xmp),
    flusso(`/Type /ObjStm /N 1 /First ${intestazione.length} /Filter /FlateDecode`, oggetti),
  ]);
}

/** A PDF carrying a program inside (the /EmbeddedFiles name tree). */
export async function pdfConFileIncorporato(): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.addPage();
  await doc.attach(Buffer.from('MZ programma'), 'programma.exe', { mimeType: 'application/octet-stream' });
  return doc.save({ useObjectStreams: false });
}

function aggiungiXmp(doc: PDFDocument): void {
  const stream = doc.context.stream(xmpPdfA('pdfaid', '2', 'B'), { Type: 'Metadata', Subtype: 'XML' });
  doc.catalog.set(PDFName.of('Metadata'), doc.context.register(stream));
}

/** The first `quota` of a file, as a download cut short leaves it. */
export function troncato(byte: Uint8Array, quota = 0.6): Uint8Array {
  return byte.subarray(0, Math.floor(byte.length * quota));
}
