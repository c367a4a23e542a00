/**
 * The queue of submissions waiting to reach the portal. Written by a pratica's submit in
 * the same transaction as its status change; consumed by sync. Columns are documented in
 * store/README.md, which is the agreement with sync.
 */
import type { Migration } from './migration';

const migration: Migration = {
  id: 6,
  name: '006-outbox',
  up(db) {
    db.exec(`
      CREATE TABLE outbox (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL,
        pratica_id TEXT NOT NULL REFERENCES pratiche(id),
        tenant_slug TEXT NOT NULL,
        payload TEXT NOT NULL CHECK (json_valid(payload)),
        created_at TEXT NOT NULL,
        state TEXT NOT NULL DEFAULT 'pending',
        attempts INTEGER NOT NULL DEFAULT 0,
        last_error TEXT
      ) STRICT;
      CREATE INDEX outbox_by_state ON outbox (state, id);
    `);
  },
};
export default migration;
