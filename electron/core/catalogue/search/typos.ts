/**
 * Typos in a search: a typed word the catalogue does not use ("certifcato", "residensa")
 * is compared with the catalogue's words that share most of its three-letter pieces
 * (found by FTS5's trigram index, migration 014) and replaced by the closest ones, at
 * most 1 edit away for words of 4-5 letters and 2 for longer ones. Words are compared
 * stemmed, as indexed; the last word, still being typed, is also compared with the
 * beginning of each candidate.
 */
import { words } from './stemmer';

/** Shorter words are not corrected: with one edit, nearly every short word is near another. */
const MIN_TYPO_LENGTH = 4;
/** Candidates read from the trigram index for one word, best sharing first. */
export const TYPO_CANDIDATES = 40;
const MAX_CORRECTIONS = 3;

/** The distinct words of indexed (already stemmed) texts that a typo may be corrected to. */
export function indexTerms(texts: readonly string[]): string[] {
  const terms = new Set<string>();
  for (const text of texts) for (const w of words(text)) if (w.length >= MIN_TYPO_LENGTH && !/\d/.test(w)) terms.add(w);
  return [...terms];
}

export function maxTypos(term: string): number {
  if (term.length < MIN_TYPO_LENGTH || /\d/.test(term)) return 0;
  return term.length <= 5 ? 1 : 2;
}

/** The FTS5 query (trigram tokenizer) for the words sharing a three-letter piece with `term`. */
export function trigramQuery(term: string): string | null {
  const pieces = new Set<string>();
  for (let i = 0; i + 3 <= term.length; i++) pieces.add(term.slice(i, i + 3));
  return pieces.size === 0 ? null : [...pieces].map((p) => `"${p}"`).join(' OR ');
}

/**
 * Edits (insertion, deletion, substitution, two adjacent letters swapped) from a to b;
 * `max + 1` as soon as it is sure to be more than `max`.
 */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let before: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, before[j - 2]! + 1);
      current.push(d);
      best = Math.min(best, d);
    }
    if (best > max) return max + 1;
    before = previous;
    previous = current;
  }
  return previous[b.length]!;
}

/** The closest candidates to `term` within its typo allowance; `prefix` for the word still being typed. */
export function corrections(term: string, candidates: readonly string[], prefix: boolean): string[] {
  const max = maxTypos(term);
  if (max === 0) return [];
  let best = max + 1;
  let found: string[] = [];
  for (const c of candidates) {
    if (c === term) continue;
    let d = editDistance(term, c, max);
    if (prefix && c.length > term.length) d = Math.min(d, editDistance(term, c.slice(0, term.length), max));
    if (d < best) {
      best = d;
      found = [c];
    } else if (d === best && d <= max) found.push(c);
  }
  return best <= max ? found.slice(0, MAX_CORRECTIONS) : [];
}
