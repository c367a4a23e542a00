/**
 * Turns what a citizen typed into FTS5 queries: words stemmed like the index, each
 * quoted (so FTS5 syntax in the input is just text), the last one as a prefix because
 * people search while typing. Services matching every word come first (`all`), then
 * those matching some (`any`); bm25 orders each group, weighting the name most. The
 * AND pass matters on small catalogues, where bm25's document frequencies are noisy.
 * A word may come with the corrections of a typo (search/typos.ts): any of them matches.
 */
import { stem, words } from './stemmer';

const MAX_QUERY_WORDS = 12;

export interface FtsQueries {
  all: string;
  /** Null for one word, where it would be the same query as `all`. */
  any: string | null;
}

/** The distinct stemmed words of a search, in order. */
export function queryTerms(input: string): string[] {
  return [...new Set(words(input).slice(0, MAX_QUERY_WORDS).map(stem))];
}

/** Each entry: a word and what else it may be (its typo corrections). */
export function ftsQueriesOf(terms: readonly (readonly string[])[]): FtsQueries | null {
  if (terms.length === 0) return null;
  const quoted = terms.map((alternatives, i) => {
    const each = alternatives.map((t) => (i === terms.length - 1 ? `"${t}"*` : `"${t}"`));
    return each.length === 1 ? each[0]! : `(${each.join(' OR ')})`;
  });
  return { all: quoted.join(' AND '), any: terms.length > 1 ? quoted.join(' OR ') : null };
}

export function ftsQuery(input: string): FtsQueries | null {
  return ftsQueriesOf(queryTerms(input).map((t) => [t]));
}
