import { base64ToBlob } from '../platform/files';

/** Offers bytes to the person to save (the app itself writes nothing to disk). */
export function offerDownload(name: string, content: Blob): void {
  const url = URL.createObjectURL(content);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export const pdfBlob = (base64: string): Blob => base64ToBlob(base64, 'application/pdf');
