/**
 * What a file really is, from its first bytes, and the extensions each type may have.
 * A file whose extension does not match its content is refused: a renamed executable
 * must not reach the comune as "documento.pdf".
 */
const SIGNATURES: { mime: string; magic: number[]; offset?: number }[] = [
  { mime: 'application/pdf', magic: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  { mime: 'image/png', magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { mime: 'image/jpeg', magic: [0xff, 0xd8, 0xff] },
  { mime: 'image/tiff', magic: [0x49, 0x49, 0x2a, 0x00] },
  { mime: 'image/tiff', magic: [0x4d, 0x4d, 0x00, 0x2a] },
  { mime: 'application/vnd.oasis.opendocument.text', magic: [0x50, 0x4b, 0x03, 0x04] },
];

export const EXTENSIONS: Record<string, string[]> = {
  'application/pdf': ['pdf'],
  'image/png': ['png'],
  'image/jpeg': ['jpg', 'jpeg'],
  'image/tiff': ['tif', 'tiff'],
  'application/pkcs7-mime': ['p7m'],
  'application/vnd.oasis.opendocument.text': ['odt'],
};

/** A DER SEQUENCE (CAdES .p7m) starts with 0x30 and a length byte; checked only for `.p7m`. */
function looksLikeDer(bytes: Uint8Array): boolean {
  return bytes.length > 4 && bytes[0] === 0x30 && (bytes[1] === 0x80 || (bytes[1]! >= 0x81 && bytes[1]! <= 0x84));
}

export function detectMimeType(bytes: Uint8Array, extension: string): string | null {
  if (extension === 'p7m') return looksLikeDer(bytes) ? 'application/pkcs7-mime' : null;
  for (const s of SIGNATURES) {
    const offset = s.offset ?? 0;
    if (bytes.length >= offset + s.magic.length && s.magic.every((b, i) => bytes[offset + i] === b)) return s.mime;
  }
  return null;
}
