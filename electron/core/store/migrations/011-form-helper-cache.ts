/**
 * What the portal answered to its own forms' FormioHelper calls (offices, services, categories,
 * calendar days and slots), one row per tenant and canonical request, so a kiosk whose portal is
 * down still fills those selects, saying how old the data are. Public data of the comune, no
 * citizen's: nothing here is personal. Rows are replaced on each answer and pruned by age.
 */
import type { Migration } from './migration';

const migration: Migration = {
  id: 11,
  name: '011-form-helper-cache',
  up(db) {
    db.exec(`
      CREATE TABLE form_helper_cache (
        tenant_slug TEXT NOT NULL,
        request_key TEXT NOT NULL CHECK (length(request_key) BETWEEN 1 AND 500),
        body TEXT NOT NULL,
        fetched_at TEXT NOT NULL,
        PRIMARY KEY (tenant_slug, request_key)
      ) STRICT;
      CREATE INDEX form_helper_cache_by_age ON form_helper_cache (fetched_at);
    `);
  },
};
export default migration;
