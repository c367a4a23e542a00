/**
 * Prefix indexes (2, 3 and 4 characters) on the service search: citizens search while
 * typing, so most queries end with a prefix, which FTS5 otherwise expands by scanning
 * the vocabulary. The indexed text is copied as it is (already stemmed).
 */
import type { Migration } from './migration';

const migration: Migration = {
  id: 8,
  name: '008-catalogue-search-prefix',
  up(db) {
    db.exec(`
      CREATE VIRTUAL TABLE services_fts_prefix USING fts5 (
        tenant_slug UNINDEXED,
        slug UNINDEXED,
        name,
        summary,
        body,
        tokenize = 'unicode61 remove_diacritics 2',
        prefix = '2 3 4'
      );
      INSERT INTO services_fts_prefix (tenant_slug, slug, name, summary, body)
        SELECT tenant_slug, slug, name, summary, body FROM services_fts;
      DROP TABLE services_fts;
      ALTER TABLE services_fts_prefix RENAME TO services_fts;
    `);
  },
};
export default migration;
