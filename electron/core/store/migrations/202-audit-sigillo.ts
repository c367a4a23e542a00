/**
 * The audit log, sealed: each row gets `mac`, an HMAC of its place and hash with a key
 * kept outside the database (core/audit/sigillo.ts), so rewriting the chain without the
 * key shows. Triggers refuse UPDATE and DELETE outright; the one update allowed is
 * sealing a row written before this migration (mac from NULL to a value, nothing else
 * changed). Triggers stop mistakes and casual edits; the MAC stops the rest.
 */
import type { Migration } from './migration';

const migration: Migration = {
  id: 202,
  name: '202-audit-sigillo',
  up(db) {
    db.exec(`
      ALTER TABLE audit_log ADD COLUMN mac TEXT;
      CREATE TRIGGER audit_log_senza_cancellazioni BEFORE DELETE ON audit_log
      BEGIN SELECT RAISE(ABORT, 'registro di audit: le voci non si cancellano'); END;
      CREATE TRIGGER audit_log_senza_modifiche BEFORE UPDATE ON audit_log
      WHEN NOT (OLD.mac IS NULL AND NEW.mac IS NOT NULL AND NEW.seq IS OLD.seq AND NEW.at IS OLD.at AND NEW.kind IS OLD.kind
        AND NEW.operatore IS OLD.operatore AND NEW.data IS OLD.data AND NEW.prev_hash IS OLD.prev_hash AND NEW.hash IS OLD.hash)
      BEGIN SELECT RAISE(ABORT, 'registro di audit: le voci non si modificano'); END;
    `);
  },
};
export default migration;
