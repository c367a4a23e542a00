/**
 * Desk mode: local operator accounts and the audit log of PIN releases.
 *
 * `audit_log` is append-only by convention and tamper-evident by construction: each
 * row's `hash` covers its content and the previous row's hash (see core/audit), so an
 * edited, deleted or reordered row breaks the chain that `npm run audit -- verify` walks.
 * Neither table ever holds a digit of a PIN or PUK: the release's digits live only in
 * the answer shown to the operator once.
 */
import type { Migration } from './migration';

const migration: Migration = {
  id: 201,
  name: '201-desk',
  up(db) {
    db.exec(`
      CREATE TABLE operatori (
        username TEXT PRIMARY KEY CHECK (length(username) BETWEEN 3 AND 64),
        nome TEXT NOT NULL CHECK (length(nome) BETWEEN 1 AND 120),
        ruolo TEXT NOT NULL CHECK (ruolo IN ('operatore', 'amministratore')),
        password_hash TEXT NOT NULL,
        tentativi_falliti INTEGER NOT NULL DEFAULT 0,
        bloccato_fino TEXT,
        attivo INTEGER NOT NULL DEFAULT 1 CHECK (attivo IN (0, 1)),
        creato_da TEXT,
        creato_il TEXT NOT NULL
      ) STRICT;

      CREATE TABLE audit_log (
        seq INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        kind TEXT NOT NULL,
        operatore TEXT,
        data TEXT NOT NULL CHECK (json_valid(data)),
        prev_hash TEXT NOT NULL,
        hash TEXT NOT NULL UNIQUE
      ) STRICT;
      CREATE INDEX audit_log_by_day ON audit_log (kind, at);
    `);
  },
};
export default migration;
