/**
 * The file types an attachment may have: the MIME type the catalogue names in a slot
 * (`mimeTypes`), the extensions a file of that type may carry, the name a citizen knows
 * it by (the extension in capitals: "PDF", "JPG"; never a MIME type), and how to recognise
 * it from its first bytes. A file whose content is not what its extension says is
 * refused: a renamed executable must not reach the comune as "documento.pdf".
 *
 * Recognition is deliberately strict where the formats allow it: a PDF starts with
 * `%PDF-` at byte 0 (readers tolerate up to 1 KB of junk before it, which is also how
 * polyglot files are made); a .p7m is DER with the signedData OID right after its outer
 * header (Base64 envelopes are refused: the portal expects DER); an OpenDocument file
 * names its own type in the uncompressed `mimetype` entry that the format puts first in
 * the ZIP. Word and Excel files are only checked to be ZIP archives: their format puts
 * nothing recognisable at a fixed place.
 */

export interface TipoFile {
  mime: string;
  /** Lower case, without the dot; the first one names the type for a citizen. */
  estensioni: readonly string[];
  riconosci(inizio: Uint8Array): boolean;
  /** Recognised only as a ZIP archive: never named as what a file "seems to be". */
  soloContenitore?: true;
}

const INIZIO_ZIP = [0x50, 0x4b, 0x03, 0x04];
const OID_SIGNED_DATA = Buffer.from('06092a864886f70d010702', 'hex');

function iniziaCon(byte: Uint8Array, firma: readonly number[], da = 0): boolean {
  return byte.length >= da + firma.length && firma.every((b, i) => byte[da + i] === b);
}

function testo(byte: Uint8Array, da: number, a: number): string {
  return Buffer.from(byte.subarray(da, a)).toString('latin1');
}

/** DER SEQUENCE (definite or indefinite length) whose first element is the signedData OID. */
function sembraP7m(byte: Uint8Array): boolean {
  const lunghezza = byte[1] ?? 0;
  if (byte[0] !== 0x30 || !(lunghezza === 0x80 || (lunghezza >= 0x81 && lunghezza <= 0x84))) return false;
  return Buffer.from(byte.subarray(0, 64)).includes(OID_SIGNED_DATA);
}

/** ZIP whose first entry is the stored file `mimetype` (name at byte 30) holding `mime`. */
function sembraOpenDocument(mime: string): (byte: Uint8Array) => boolean {
  return (byte) => iniziaCon(byte, INIZIO_ZIP) && testo(byte, 30, 38) === 'mimetype' && testo(byte, 38, 38 + mime.length) === mime;
}

const odf = (mime: string, ext: string): TipoFile => ({ mime, estensioni: [ext], riconosci: sembraOpenDocument(mime) });
const ooxml = (mime: string, ext: string): TipoFile => ({ mime, estensioni: [ext], riconosci: (b) => iniziaCon(b, INIZIO_ZIP), soloContenitore: true });

export const PDF: TipoFile = { mime: 'application/pdf', estensioni: ['pdf'], riconosci: (b) => testo(b, 0, 5) === '%PDF-' };

const TIPI_FILE: readonly TipoFile[] = [
  PDF,
  { mime: 'image/jpeg', estensioni: ['jpg', 'jpeg'], riconosci: (b) => iniziaCon(b, [0xff, 0xd8, 0xff]) },
  { mime: 'image/png', estensioni: ['png'], riconosci: (b) => iniziaCon(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) },
  { mime: 'image/tiff', estensioni: ['tif', 'tiff'], riconosci: (b) => iniziaCon(b, [0x49, 0x49, 0x2a, 0x00]) || iniziaCon(b, [0x4d, 0x4d, 0x00, 0x2a]) },
  { mime: 'application/pkcs7-mime', estensioni: ['p7m'], riconosci: sembraP7m },
  { mime: 'application/xml', estensioni: ['xml'], riconosci: (b) => /^(\u00EF\u00BB\u00BF)?\s*<[?!a-zA-Z]/.test(testo(b, 0, 64)) },
  odf('application/vnd.oasis.opendocument.text', 'odt'),
  odf('application/vnd.oasis.opendocument.spreadsheet', 'ods'),
  ooxml('application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'docx'),
  ooxml('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'xlsx'),
];

export function tipoPerEstensione(ext: string): TipoFile | undefined {
  return TIPI_FILE.find((t) => t.estensioni.includes(ext));
}

/** How a citizen calls the type: "PDF", "JPG". */
export function nomeDelTipo(tipo: TipoFile): string {
  return tipo.estensioni[0]!.toUpperCase();
}

/** The formats a slot accepts as a citizen reads them ("PDF", "JPG", "PNG"); MIME types we cannot recognise are left out, as they are refused anyway. */
export function formatiAmmessi(mimeAmmessi: readonly string[]): string[] {
  return TIPI_FILE.filter((t) => mimeAmmessi.includes(t.mime)).map(nomeDelTipo);
}

/** What the bytes look like, whatever the name says, as a citizen calls it (for a clearer message). */
export function tipoRiconosciuto(inizio: Uint8Array): string | undefined {
  const tipo = TIPI_FILE.find((t) => !t.soloContenitore && t.riconosci(inizio));
  if (tipo) return nomeDelTipo(tipo);
  return iniziaCon(inizio, INIZIO_ZIP) ? 'ZIP' : undefined;
}
