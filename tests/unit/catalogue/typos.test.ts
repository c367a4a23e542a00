import { describe, expect, it } from 'vitest';
import { corrections, editDistance, indexTerms, maxTypos, trigramQuery } from '../../../electron/core/catalogue/search/typos';
import { stem } from '../../../electron/core/catalogue/search/stemmer';

describe('search typos', () => {
  it('counts insertions, deletions, substitutions and swapped letters as one edit each', () => {
    expect(editDistance(stem('certifcato'), stem('certificato'), 2)).toBe(1);
    expect(editDistance(stem('residensa'), stem('residenza'), 2)).toBe(1);
    expect(editDistance('ersidenz', 'residenz', 2)).toBe(1);
    expect(editDistance('certificat', 'certificat', 2)).toBe(0);
    expect(editDistance('mensa', 'tributi', 2)).toBe(3);
  });

  it('allows 1 typo in words of 4-5 letters, 2 in longer ones, none in shorter ones or numbers', () => {
    expect([maxTypos('iva'), maxTypos('mens'), maxTypos('tassa'), maxTypos('certificat'), maxTypos('2026x')]).toEqual([0, 1, 1, 2, 0]);
  });

  it('corrects to the closest words only, and the word being typed to the beginning of one', () => {
    const vocabulary = ['certificat', 'certific', 'residenz', 'resident', 'mens', 'scolastic'];
    expect(corrections(stem('certifcato'), vocabulary, false)).toEqual(['certificat']);
    expect(corrections(stem('residensa'), vocabulary, false)).toEqual(['residenz', 'resident']);
    expect(corrections('sclast', vocabulary, true)).toEqual(['scolastic']);
    expect(corrections('tributi', vocabulary, false)).toEqual([]);
  });

  it('queries the trigram index with every three-letter piece, quoted', () => {
    expect(trigramQuery('resid')).toBe('"res" OR "esi" OR "sid"');
    expect(trigramQuery('ab')).toBeNull();
  });

  it('keeps the distinct indexed words of 4 letters or more, without numbers', () => {
    expect(indexTerms(['certificat di residenz', 'residenz 2026 anagraf'])).toEqual(['certificat', 'residenz', 'anagraf']);
  });
});
