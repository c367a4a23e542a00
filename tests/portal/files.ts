/**
 * Files the portal makes itself or receives as base64 (message attachments, integration request and
 * answer documents, outcome files), kept as upload rows so `GET …/attachments/{id}` serves any of
 * them by id (ApplicationsAPIController::attachmentAction looks the Allegato up on its own):
 * - the attachment checks shared by src/Form/Rest/MessageFormType.php (75-102) and
 *   src/Form/Rest/Transition/RequestIntegrationFormType.php (onPreSubmit), against
 *   `allowed_extensions` (config/packages/app.yaml:49-63); first failure wins;
 * - src/Utils/UploadedBase64File.php: `file` is decoded as plain base64, leniently;
 * - src/Utils/StringUtils.php `sanitizeFileName` (what `originalName` shows).
 */
import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, writeFileSync } from 'node:fs';
import type { PortalContext } from './context';
import { filePath } from './portal-db';
import type { PortalResponse } from './router';
import type { UploadRow } from './routes/uploads';

/** config/packages/app.yaml `allowed_extensions`: extension -> MIME type. */
export const ALLOWED_EXTENSIONS: Readonly<Record<string, string>> = {
  doc: 'application/msword',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  odt: 'application/vnd.oasis.opendocument.text',
  pdf: 'application/pdf',
  txt: 'text/plain',
  jpeg: 'image/jpeg',
  jpg: 'image/jpeg',
  png: 'image/png',
  gif: 'image/gif',
  p7: 'application/pkcs7',
  p7m: 'application/pkcs7-mime',
  xp7m: 'application/x-pkcs7-mime',
  p7c: 'application/pkcs7',
  zip: 'application/zip',
};

export interface Base64File {
  name: string;
  mime_type: string;
  file: string;
}

/** The form's first attachment error (a root error of the form), or null; extension and MIME are not cross-checked. */
export function attachmentError(files: readonly unknown[]): string | null {
  for (const raw of files) {
    const f = (typeof raw === 'object' && raw !== null ? raw : {}) as Partial<Record<keyof Base64File, unknown>>;
    if (!Object.values(ALLOWED_EXTENSIONS).includes(f.mime_type as string)) return 'Mime type non valido';
    const parts = String(f.name ?? '').split('.');
    if (parts.length < 2) return "E'obbligatorio specificare l'estensione del file le campo name";
    // array_key_exists: case-sensitive, so `PDF` fails.
    if (!Object.hasOwn(ALLOWED_EXTENSIONS, parts.at(-1)!)) return 'Estensione non valida';
    if (typeof f.file !== 'string' || f.file === '') return 'Il campo file è obbligatorio';
  }
  return null;
}

/** StringUtils::sanitizeFileName: ASCII, special characters dropped, blanks to hyphens, trimmed, lower case. */
export function sanitizeFileName(name: string): string {
  // mb_convert_encoding to ASCII makes every other character a '?', which the list then drops (with NUL).
  const ascii = [...name].map((c) => (c.charCodeAt(0) > 0x7f ? '?' : c)).join('');
  const dropped = [...ascii].filter((c) => !"?[]/\\=<>:;,'\"&$#*()|~`!{}%+".includes(c) && c.charCodeAt(0) !== 0).join('');
  return dropped
    .replace(/[\r\n\t -]+/g, '-')
    .replace(/^[.\-_]+|[.\-_]+$/g, '')
    .toLowerCase();
}

/** The stored (system) file name the DTOs show as `name`: ours is `<id>-<original name>`. */
export const systemFilename = (upload: { id: string; original_filename: string }): string => `${upload.id}-${upload.original_filename}`;

export interface NewFile {
  /** A file whose id is known beforehand (a document naming itself). */
  id?: string;
  name: string;
  mimeType: string;
  bytes: Buffer;
  description: string;
  protocolRequired?: boolean;
}

/** Writes the bytes and their upload row; returns the file's id. In the caller's transaction. */
export function storeFile(ctx: PortalContext, f: NewFile): string {
  const id = f.id ?? randomUUID();
  writeFileSync(filePath(ctx.dataDir, id), f.bytes);
  ctx.db
    .prepare(`INSERT INTO uploads (id, original_filename, description, mime_type, protocol_required, size, sha256, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`)
    .run(id, f.name, f.description, f.mimeType, f.protocolRequired === false ? 0 : 1, f.bytes.length, createHash('sha256').update(f.bytes).digest('hex'), ctx.now().toISOString());
  return id;
}

/** UploadedBase64File: the whole string base64-decoded (a `data:` prefix is not stripped). */
export const decodeBase64 = (file: string): Buffer => Buffer.from(file, 'base64');

/** A Symfony Response with the bytes and a Content-Disposition (ASCII name); its Content-Type is Symfony's default. */
export function serveFile(ctx: PortalContext, upload: UploadRow, filename: string): PortalResponse {
  return {
    status: 200,
    body: createReadStream(filePath(ctx.dataDir, upload.id)),
    headers: {
      'content-type': 'text/html; charset=UTF-8',
      'content-disposition': `attachment; filename="${filename.replace(/[^\x20-\x7e]|"/g, '_')}"`,
      'content-length': String(upload.size ?? 0),
    },
  };
}
