/**
 * What the portal says about each sent pratica: its remote id, status, protocol, outcome,
 * history with timestamps, outcome files (bytes in `<dataDir>/esiti/<sha256>`). `final_at` is
 * when it reached a final status, the start of the retention period; `purged_at` when its
 * personal data left the device.
 */
import type { Migration } from './migration';

const migration: Migration = {
  id: 102,
  name: '102-remote-pratiche',
  up(db) {
    db.exec(`
      CREATE TABLE remote_pratiche (
        pratica_id TEXT PRIMARY KEY REFERENCES pratiche(id) ON DELETE CASCADE,
        remote_id TEXT NOT NULL UNIQUE,
        status INTEGER NOT NULL,
        protocol_number TEXT,
        protocol_folder_number TEXT,
        protocolled_at TEXT,
        outcome INTEGER CHECK (outcome IN (0, 1)),
        outcome_motivation TEXT,
        history TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(history)),
        outcome_files TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(outcome_files)),
        checked_at TEXT NOT NULL,
        final_at TEXT,
        purged_at TEXT
      ) STRICT;
      CREATE INDEX remote_pratiche_open ON remote_pratiche (final_at, checked_at);
    `);
  },
};
export default migration;
