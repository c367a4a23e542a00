/**
 * Whether a file may fill an attachment slot of a service (`x_sportello_attachments`):
 * not empty, not too large, really of an allowed type (content, not just extension),
 * and declaring PDF/A where the comune requires it.
 */
import type { AttachmentSpec } from '../../catalogue/format';
import { DomainError } from '../../errors';
import { extensionOf, sanitizeFileName } from './file-name';
import { detectMimeType, EXTENSIONS } from './file-type';
import { pdfaDeclaration, pdfaLabel } from './pdfa';

export class AllegatoError extends DomainError {}

export interface CheckedFile {
  name: string;
  mimeType: string;
  size: number;
  pdfa: string | null;
}

function allowedList(spec: AttachmentSpec): string {
  return spec.mimeTypes.flatMap((m) => EXTENSIONS[m] ?? [m]).map((e) => e.toUpperCase()).join(', ');
}

export function checkFile(spec: AttachmentSpec, rawName: string, bytes: Uint8Array): CheckedFile {
  const name = sanitizeFileName(rawName);
  if (bytes.length === 0) throw new AllegatoError('allegato-vuoto', `Il file "${name}" è vuoto.`);
  const max = spec.maxSizeMb * 1024 * 1024;
  if (bytes.length > max) {
    throw new AllegatoError('allegato-troppo-grande', `Il file "${name}" supera la dimensione massima di ${spec.maxSizeMb} MB.`);
  }
  const extension = extensionOf(name);
  const mimeType = detectMimeType(bytes, extension);
  if (mimeType === null || !(EXTENSIONS[mimeType] ?? []).includes(extension)) {
    throw new AllegatoError('allegato-tipo-non-valido', `Il contenuto del file "${name}" non corrisponde alla sua estensione.`);
  }
  if (!spec.mimeTypes.includes(mimeType)) {
    throw new AllegatoError('allegato-tipo-non-ammesso', `Per "${spec.label}" sono ammessi solo file ${allowedList(spec)}.`);
  }
  const declaration = mimeType === 'application/pdf' ? pdfaDeclaration(bytes) : null;
  if (spec.pdfa && declaration === null) {
    throw new AllegatoError('allegato-non-pdfa', `Per "${spec.label}" serve un PDF/A: il file "${name}" non dichiara la conformità PDF/A.`);
  }
  return { name, mimeType, size: bytes.length, pdfa: declaration ? pdfaLabel(declaration) : null };
}
