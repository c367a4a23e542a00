/**
 * A file's size as a person reads it, in Italian, the same in core's messages and on
 * screen: "4 byte", "850 KB", "1,2 MB", "12 MB". Binary units, as the catalogue's
 * `maxSizeMb` and the file managers citizens use. Below 1 KB the bytes are counted: a
 * 4-byte file shown as "1 KB" would hide that it is (almost) empty.
 */
const KB = 1024;
const MB = 1024 * 1024;

const cifre = new Intl.NumberFormat('it-IT', { maximumFractionDigits: 1 });

/** One decimal below 10 ("1,2 MB"), none above ("12 MB"): the decimal matters only for small sizes. */
const misura = (valore: number): string => (valore < 10 ? cifre.format(Math.round(valore * 10) / 10) : String(Math.round(valore)));

export function dimensioneLeggibile(byte: number): string {
  if (byte < KB) return `${byte} byte`;
  // 1023,9 KB would round to "1024 KB": from there on it reads as MB.
  if (Math.round(byte / KB) < KB) return `${misura(byte / KB)} KB`;
  return `${misura(byte / MB)} MB`;
}
