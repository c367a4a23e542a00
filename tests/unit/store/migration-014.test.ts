import { describe, expect, it } from 'vitest';
import { migrations } from '../../../electron/core/store/migrations';
import { runMigrations } from '../../../electron/core/store/migrations/runner';
import { isStrict, memoryDbUpTo } from './migrate-upto';

describe('migration 014-catalogue-search-terms', () => {
  it('collects the words of the search index per comune, with a trigram index over them', () => {
    const db = memoryDbUpTo(13);
    db.prepare(`INSERT INTO services_fts (tenant_slug, slug, name, summary, body) VALUES ('a', 'cert', 'certificat residenz', 'anagraf', 'di residenz')`).run();
    db.prepare(`INSERT INTO services_fts (tenant_slug, slug, name, summary, body) VALUES ('b', 'mensa', 'iscrizion mens', '', '')`).run();
    expect(runMigrations(db, migrations.filter((m) => m.id <= 14))).toEqual([14]);
    expect(isStrict(db, 'catalogue_terms')).toBe(true);
    expect(db.prepare(`SELECT term FROM catalogue_terms WHERE tenant_slug = 'a' ORDER BY term`).pluck().all()).toEqual(['anagraf', 'certificat', 'residenz']);
    expect(db.prepare(`SELECT term FROM catalogue_terms WHERE tenant_slug = 'b' ORDER BY term`).pluck().all()).toEqual(['iscrizion', 'mens']);
    const similar = db.prepare(`SELECT term FROM catalogue_terms_trigram WHERE catalogue_terms_trigram MATCH ? AND tenant_slug = 'a' ORDER BY rank`).pluck();
    expect(similar.all('"res" OR "esi" OR "sid" OR "ide" OR "den" OR "ens"')).toEqual(['residenz']);
    // The trigram index follows the words: a comune's words deleted are no longer found.
    db.prepare(`DELETE FROM catalogue_terms WHERE tenant_slug = 'a'`).run();
    expect(similar.all('"res"')).toEqual([]);
    db.prepare(`INSERT INTO catalogue_terms (tenant_slug, term) VALUES ('a', 'residenz')`).run();
    expect(similar.all('"res"')).toEqual(['residenz']);
  });
});
