/**
 * What a list of services shows (short description, payment, access level) as columns,
 * so search results and lists are read without parsing each service's JSON document,
 * and the search ranking (bm25 with the name weighted most) as the index's own `rank`,
 * which FTS5 orders by without calling a function per row.
 */
import type { Migration } from './migration';

const migration: Migration = {
  id: 9,
  name: '009-catalogue-summary',
  up(db) {
    db.exec(`
      ALTER TABLE services ADD COLUMN short_description TEXT NOT NULL DEFAULT '';
      ALTER TABLE services ADD COLUMN payment_required INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE services ADD COLUMN access_level INTEGER NOT NULL DEFAULT 0;
      UPDATE services SET
        short_description = coalesce(json_extract(document, '$.short_description'), ''),
        payment_required = coalesce(json_extract(document, '$.payment_required'), 0),
        access_level = coalesce(json_extract(document, '$.access_level'), 0);
      INSERT INTO services_fts (services_fts, rank) VALUES ('rank', 'bm25(0.0, 0.0, 10.0, 4.0, 1.0)');
    `);
  },
};
export default migration;
