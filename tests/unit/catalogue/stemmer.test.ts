import { describe, expect, it } from 'vitest';
import { stem, stemText } from '../../../electron/core/catalogue/search/stemmer';
import { ftsQuery } from '../../../electron/core/catalogue/search/query';

describe('Italian light stemmer', () => {
  it('brings gender, number and accents to one stem', () => {
    const same = [
      ['iscrizione', 'iscrizioni'],
      ['scolastico', 'scolastica', 'scolastiche', 'scolastici'],
      ['servizio', 'servizi'],
      ['famiglia', 'famiglie'],
      ['città', 'citta'],
      ['nascita', 'NASCITA', 'nàscita'],
      ['certificato', 'certificati'],
    ];
    for (const group of same) expect(new Set(group.map(stem)).size, group.join(',')).toBe(1);
    expect(stem('mensa')).not.toBe(stem('mese'));
    expect(stem('via')).toBe('via');
  });

  it('stems whole texts word by word', () => {
    expect(stemText("Iscrizione all'Asilo-nido!")).toBe(`${stem('iscrizione')} all ${stem('asilo')} ${stem('nido')}`);
  });

  it('builds a quoted FTS query that cannot inject FTS syntax', () => {
    expect(ftsQuery('')).toBeNull();
    expect(ftsQuery('  ***  ')).toBeNull();
    expect(ftsQuery('mense scolastiche')).toEqual({
      all: `"${stem('mense')}" AND "${stem('scolastiche')}"*`,
      any: `"${stem('mense')}" OR "${stem('scolastiche')}"*`,
    });
    expect(ftsQuery('a" OR x NEAR(')!.any).toBe('"a" OR "or" OR "x" OR "near"*');
    expect(ftsQuery('mensa mense')).toEqual({ all: `"${stem('mensa')}"*`, any: null });
  });
});
