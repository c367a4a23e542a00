/**
 * Turns what a citizen typed into FTS5 queries: words stemmed like the index, each
 * quoted (so FTS5 syntax in the input is just text), the last one as a prefix because
 * people search while typing. Services matching every word come first (`all`), then
 * those matching some (`any`); bm25 orders each group, weighting the name most. The
 * AND pass matters on small catalogues, where bm25's document frequencies are noisy.
 */
import { stem, words } from './stemmer';

export const MAX_QUERY_WORDS = 12;

export interface FtsQueries {
  all: string;
  /** Null for one word, where it would be the same query as `all`. */
  any: string | null;
}

export function ftsQuery(input: string): FtsQueries | null {
  const terms = [...new Set(words(input).slice(0, MAX_QUERY_WORDS).map(stem))];
  if (terms.length === 0) return null;
  const quoted = terms.map((t, i) => (i === terms.length - 1 ? `"${t}"*` : `"${t}"`));
  return { all: quoted.join(' AND '), any: terms.length > 1 ? quoted.join(' OR ') : null };
}
