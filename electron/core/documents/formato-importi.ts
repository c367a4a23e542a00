/** Amounts as a town hall prints them: "1.234,50 €", from integer cents so no float rounding ever shows. */

/** "16,50 €". Grouping from the thousands on, as Italian notices write it (Intl's it-IT leaves "1234,50"). */
export function importoInEuro(centesimi: number): string {
  if (!Number.isSafeInteger(centesimi) || centesimi < 0) throw new RangeError(`importo non valido: ${centesimi}`);
  const euro = String(Math.trunc(centesimi / 100)).replace(/\B(?=(\d{3})+$)/g, '.');
  return `${euro},${String(centesimi % 100).padStart(2, '0')} €`;
}
