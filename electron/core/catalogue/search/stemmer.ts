/**
 * A light Italian stemmer for search: folds accents and case, then removes the endings
 * that vary with gender, number and nominalisation, so "iscrizione", "iscrizioni",
 * "scolastico" and "scolastiche" meet their stem. Light on purpose: over-stemming makes
 * unrelated services match, which hurts a citizen at a kiosk more than a missed plural.
 */
const FOLD = /\p{M}/gu;

function fold(word: string): string {
  return word.normalize('NFD').replace(FOLD, '').toLowerCase();
}

const RULES: [suffix: string, replacement: string, minStem: number][] = [
  ['azioni', 'azion', 3],
  ['azione', 'azion', 3],
  ['zioni', 'zion', 3],
  ['zione', 'zion', 3],
  ['sioni', 'sion', 3],
  ['sione', 'sion', 3],
  ['mente', '', 4],
  ['iche', 'ic', 3],
  ['ichi', 'ic', 3],
  ['ghe', 'g', 3],
  ['ghi', 'g', 3],
  ['che', 'c', 3],
  ['chi', 'c', 3],
];

export function stem(word: string): string {
  const w = fold(word);
  if (w.length <= 3 || /\d/.test(w)) return w;
  for (const [suffix, replacement, minStem] of RULES) {
    if (w.endsWith(suffix) && w.length - suffix.length >= minStem) return w.slice(0, -suffix.length) + replacement;
  }
  // "servizio" and "servizi" (or "famiglia" / "famiglie") differ by a vowel plus an "i".
  let s = /[aeiou]$/.test(w) && w.length > 4 ? w.slice(0, -1) : w;
  if (s.endsWith('i') && s.length > 4) s = s.slice(0, -1);
  return s;
}

/** Splits text into words the way FTS5's unicode61 does (letters and digits), folded. */
export function words(text: string): string[] {
  return fold(text).match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** The text as indexed: every word stemmed. */
export function stemText(text: string): string {
  return words(text).map(stem).join(' ');
}
