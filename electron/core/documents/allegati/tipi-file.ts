/**
 * What an uploaded file really is, from its first bytes, against what its extension
 * claims: a file that is not what its name says is refused before anyone opens it.
 */

export interface TipoFile {
  mime: string;
  descrizione: string;
  riconosci(inizio: Uint8Array): boolean;
}

function iniziaCon(byte: Uint8Array, firma: number[], da = 0): boolean {
  return firma.every((b, i) => byte[da + i] === b);
}

function testoIniziale(byte: Uint8Array, n: number): string {
  return Buffer.from(byte.subarray(0, n)).toString('latin1');
}

/** DER SEQUENCE that contains the signedData OID early on; or the same in Base64. */
function sembraP7m(byte: Uint8Array): boolean {
  if (byte[0] === 0x30) return Buffer.from(byte.subarray(0, 64)).includes(Buffer.from('06092a864886f70d010702', 'hex'));
  return /^(-----BEGIN [A-Z0-9 ]+-----\s*)?MI[A-Za-z0-9+/]/.test(testoIniziale(byte, 80));
}

const PDF: TipoFile = { mime: 'application/pdf', descrizione: 'PDF', riconosci: (b) => testoIniziale(b, 1024).includes('%PDF-') };
const JPEG: TipoFile = { mime: 'image/jpeg', descrizione: 'immagine JPEG', riconosci: (b) => iniziaCon(b, [0xff, 0xd8, 0xff]) };
const PNG: TipoFile = { mime: 'image/png', descrizione: 'immagine PNG', riconosci: (b) => iniziaCon(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) };
const TIFF: TipoFile = {
  mime: 'image/tiff',
  descrizione: 'immagine TIFF',
  riconosci: (b) => iniziaCon(b, [0x49, 0x49, 0x2a, 0x00]) || iniziaCon(b, [0x4d, 0x4d, 0x00, 0x2a]),
};
const P7M: TipoFile = { mime: 'application/pkcs7-mime', descrizione: 'documento firmato (.p7m)', riconosci: sembraP7m };
const XML: TipoFile = { mime: 'application/xml', descrizione: 'XML', riconosci: (b) => /^(\uFEFF|\u00EF\u00BB\u00BF)?\s*<[?!a-zA-Z]/.test(testoIniziale(b, 64)) };
const ZIP_UFFICIO = (mime: string, descrizione: string): TipoFile => ({ mime, descrizione, riconosci: (b) => iniziaCon(b, [0x50, 0x4b, 0x03, 0x04]) });

/** Accepted extensions (lower case, without the dot). */
export const TIPI_PER_ESTENSIONE: Record<string, TipoFile> = {
  pdf: PDF,
  p7m: P7M,
  jpg: JPEG,
  jpeg: JPEG,
  png: PNG,
  tif: TIFF,
  tiff: TIFF,
  xml: XML,
  odt: ZIP_UFFICIO('application/vnd.oasis.opendocument.text', 'documento OpenDocument'),
  ods: ZIP_UFFICIO('application/vnd.oasis.opendocument.spreadsheet', 'foglio OpenDocument'),
  docx: ZIP_UFFICIO('application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'documento Word'),
  xlsx: ZIP_UFFICIO('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'foglio Excel'),
};

export function estensione(nome: string): string {
  const punto = nome.lastIndexOf('.');
  return punto < 0 ? '' : nome.slice(punto + 1).toLowerCase();
}

/** The type the bytes look like, whatever the name says (for a clearer message). */
export function tipoRiconosciuto(inizio: Uint8Array): TipoFile | undefined {
  return [PDF, P7M, JPEG, PNG, TIFF, XML].find((t) => t.riconosci(inizio)) ?? (iniziaCon(inizio, [0x50, 0x4b, 0x03, 0x04]) ? ZIP_UFFICIO('application/zip', 'archivio ZIP') : undefined);
}
