/**
 * A size as a person reads it, in Italian: "850 KB", "1,2 MB", "12 MB". Binary units,
 * as the catalogue's `maxSizeMb` and the file managers citizens use.
 */
const KB = 1024;
const MB = 1024 * 1024;

const cifre = new Intl.NumberFormat('it-IT', { maximumFractionDigits: 1 });

export function dimensioneLeggibile(byte: number): string {
  if (byte < KB) return `${byte} byte`;
  if (byte < MB) return `${Math.round(byte / KB)} KB`;
  // One decimal below 10 MB ("1,2 MB"), none above ("12 MB"): the decimal matters only for small limits.
  const mb = byte / MB;
  return `${mb < 10 ? cifre.format(Math.round(mb * 10) / 10) : Math.round(mb)} MB`;
}
