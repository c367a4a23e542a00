/**
 * Attachments. Bytes live in files named by their SHA-256 (`blobs` records them once);
 * `allegati` is a citizen's library ("I miei allegati"), so the same document can be
 * attached to many pratiche without being uploaded again.
 */
import type { Migration } from './migration';

const migration: Migration = {
  id: 4,
  name: '004-allegati',
  up(db) {
    db.exec(`
      CREATE TABLE blobs (
        sha256 TEXT PRIMARY KEY CHECK (length(sha256) = 64),
        size INTEGER NOT NULL CHECK (size > 0),
        created_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE allegati (
        id TEXT PRIMARY KEY,
        citizen_cf TEXT NOT NULL,
        sha256 TEXT NOT NULL REFERENCES blobs(sha256),
        name TEXT NOT NULL,
        mime_type TEXT NOT NULL,
        size INTEGER NOT NULL,
        pdfa TEXT,
        created_at TEXT NOT NULL,
        UNIQUE (citizen_cf, sha256, name)
      ) STRICT;

      CREATE TABLE pratica_allegati (
        pratica_id TEXT NOT NULL REFERENCES pratiche(id) ON DELETE CASCADE,
        slot_key TEXT NOT NULL,
        allegato_id TEXT NOT NULL REFERENCES allegati(id),
        added_at TEXT NOT NULL,
        PRIMARY KEY (pratica_id, slot_key, allegato_id)
      ) STRICT;
    `);
  },
};
export default migration;
