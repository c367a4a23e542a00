/** Files as the portal serves them. */

const BY_EXTENSION: Record<string, string> = {
  pdf: 'application/pdf',
  p7m: 'application/pkcs7-mime',
  xml: 'application/xml',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  txt: 'text/plain',
  gif: 'image/gif',
  doc: 'application/msword',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  odt: 'application/vnd.oasis.opendocument.text',
  zip: 'application/zip',
};

/**
 * File objects carry no MIME type, and the attachment endpoint answers with Symfony's default
 * Content-Type (text/html): the file's extension says more, the header only when it is not that default.
 */
export function mimeTypeOf(name: string, header: string | null): string {
  const ext = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase();
  if (ext && BY_EXTENSION[ext]) return BY_EXTENSION[ext];
  return header && header !== 'text/html' ? header : 'application/octet-stream';
}
