import { describe, expect, it } from 'vitest';
import { memoryDbUpTo } from './migrate-upto';

describe('migration 002-catalogue-search', () => {
  it('creates an FTS5 index that folds accents', () => {
    const db = memoryDbUpTo(2);
    db.prepare(`INSERT INTO services_fts VALUES ('a', 'x', 'Città', 'Perché', 'corpo')`).run();
    const hits = db.prepare(`SELECT slug FROM services_fts WHERE services_fts MATCH ?`).all('citta perche');
    expect(hits).toEqual([{ slug: 'x' }]);
  });
});
