/**
 * Sync's sending state for each outbox row. `create_started_at` is written and committed
 * BEFORE the create request leaves: from then on the outcome of that create is unknown until
 * the portal is asked, so a restart looks the application up by its client reference before
 * creating again (the portal has no idempotency key). Finalised uploads are remembered per
 * file so a restart does not upload the same bytes twice.
 */
import type { Migration } from './migration';

const migration: Migration = {
  id: 101,
  name: '101-outbox-sending',
  up(db) {
    db.exec(`
      CREATE TABLE outbox_sending (
        outbox_id INTEGER PRIMARY KEY REFERENCES outbox(id) ON DELETE CASCADE,
        next_attempt_at TEXT NOT NULL,
        create_started_at TEXT,
        remote_id TEXT UNIQUE,
        parked_at TEXT,
        sent_at TEXT
      ) STRICT;
      CREATE TABLE outbox_uploads (
        outbox_id INTEGER NOT NULL REFERENCES outbox(id) ON DELETE CASCADE,
        file_key TEXT NOT NULL,
        upload_id TEXT NOT NULL,
        sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
        PRIMARY KEY (outbox_id, file_key)
      ) STRICT;
    `);
  },
};
export default migration;
