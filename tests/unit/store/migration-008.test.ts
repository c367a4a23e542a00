import { describe, expect, it } from 'vitest';
import { migrations } from '../../../electron/core/store/migrations';
import { runMigrations } from '../../../electron/core/store/migrations/runner';
import { memoryDbUpTo } from './migrate-upto';

describe('migration 008-catalogue-search-prefix', () => {
  it('rebuilds the search index with prefix indexes, keeping its rows', () => {
    const db = memoryDbUpTo(7);
    db.prepare(`INSERT INTO services_fts VALUES ('a', 'mensa', 'iscrizion mens scolastic', 'figl', 'corp')`).run();
    expect(runMigrations(db, migrations.filter((m) => m.id <= 8))).toEqual([8]);
    const sql = db.prepare(`SELECT sql FROM sqlite_master WHERE name = 'services_fts'`).pluck().get() as string;
    expect(sql).toMatch(/prefix = '2 3 4'/);
    expect(db.prepare(`SELECT slug FROM services_fts WHERE services_fts MATCH ?`).all('"scol"*')).toEqual([{ slug: 'mensa' }]);
    expect(db.prepare(`SELECT count(*) FROM services_fts`).pluck().get()).toBe(1);
  });
});
