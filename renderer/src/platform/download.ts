import { base64ToBlob } from './files';

/** Offers a file from core to save (browser host, home): a blob URL clicked once and revoked. */
export function saveFile(base64: string, name: string, type: string): void {
  const url = URL.createObjectURL(base64ToBlob(base64, type));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
