import { base64ToBlob } from './files';

/** Offers content to save (browser host, home, desk): a blob URL clicked once and revoked; the app itself writes nothing to disk. */
export function saveBlob(content: Blob, name: string): void {
  const url = URL.createObjectURL(content);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Offers a file from core, as Base64, to save. */
export function saveFile(base64: string, name: string, type: string): void {
  saveBlob(base64ToBlob(base64, type), name);
}
