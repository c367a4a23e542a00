/**
 * Pratiche (applications) and their status history, with the portal's status codes.
 * `data` is the Form.io submission data (JSON); `revision` counts autosaves so a
 * caller can tell its save landed. One-draft-per-service is enforced in the repository
 * because whether a service allows several drafts is catalogue data.
 */
import type { Migration } from './migration';

const migration: Migration = {
  id: 3,
  name: '003-pratiche',
  up(db) {
    db.exec(`
      CREATE TABLE pratiche (
        id TEXT PRIMARY KEY,
        citizen_cf TEXT NOT NULL,
        tenant_slug TEXT NOT NULL,
        service_slug TEXT NOT NULL,
        service_id TEXT NOT NULL,
        status INTEGER NOT NULL,
        step_id TEXT NOT NULL,
        instructions_accepted INTEGER NOT NULL DEFAULT 0 CHECK (instructions_accepted IN (0, 1)),
        data TEXT NOT NULL DEFAULT '{}',
        note TEXT NOT NULL DEFAULT '' CHECK (length(note) <= 2000),
        description TEXT NOT NULL DEFAULT '' CHECK (length(description) <= 500),
        opened_by TEXT,
        revision INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        submitted_at TEXT
      ) STRICT;
      CREATE INDEX pratiche_by_citizen ON pratiche (citizen_cf, status);
      CREATE INDEX pratiche_drafts ON pratiche (citizen_cf, tenant_slug, service_slug, status);

      CREATE TABLE pratiche_history (
        seq INTEGER PRIMARY KEY,
        pratica_id TEXT NOT NULL REFERENCES pratiche(id) ON DELETE CASCADE,
        status INTEGER NOT NULL,
        at TEXT NOT NULL,
        message TEXT
      ) STRICT;
      CREATE INDEX pratiche_history_by_pratica ON pratiche_history (pratica_id, seq);
    `);
  },
};
export default migration;
