/**
 * Full-text search over services. The indexed text is already stemmed by our Italian
 * stemmer (catalogue/search), and unicode61 with remove_diacritics folds "città" and
 * "citta" together. FTS5 virtual tables cannot be STRICT; the table holds no data of its
 * own worth protecting (it is rebuilt from `services` on import).
 */
import type { Migration } from './migration';

const migration: Migration = {
  id: 2,
  name: '002-catalogue-search',
  up(db) {
    db.exec(`
      CREATE VIRTUAL TABLE services_fts USING fts5 (
        tenant_slug UNINDEXED,
        slug UNINDEXED,
        name,
        summary,
        body,
        tokenize = 'unicode61 remove_diacritics 2'
      );
    `);
  },
};
export default migration;
