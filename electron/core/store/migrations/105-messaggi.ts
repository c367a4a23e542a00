/**
 * The messages of each sent pratica, both ways (MessagesAPIController of the portal): those of the
 * comune as the status pull brings them (`remote_id` set, files in `<dataDir>/esiti`), and those the
 * citizen writes, kept here first and sent through the outbox (`remote_id` set once the portal has
 * them, files in `<dataDir>/allegati`). `integrazione` marks the comune's integration request
 * (`richiesta`) and the citizen's answer to it (`risposta`). `letto_il` is when the citizen opened
 * a comune's message; `svuotato_il` when a kiosk forgot the citizen and emptied it (its row stays,
 * so the pull does not bring it back).
 */
import type { Migration } from './migration';

const migration: Migration = {
  id: 105,
  name: '105-messaggi',
  up(db) {
    db.exec(`
      CREATE TABLE messaggi (
        id TEXT PRIMARY KEY,
        pratica_id TEXT NOT NULL REFERENCES pratiche(id) ON DELETE CASCADE,
        remote_id TEXT UNIQUE,
        da TEXT NOT NULL CHECK (da IN ('comune', 'cittadino')),
        testo TEXT NOT NULL,
        scritto_il TEXT NOT NULL,
        integrazione TEXT CHECK (integrazione IN ('richiesta', 'risposta')),
        letto_il TEXT,
        svuotato_il TEXT
      ) STRICT;
      CREATE INDEX messaggi_per_pratica ON messaggi (pratica_id, scritto_il);
      CREATE TABLE messaggi_allegati (
        messaggio_id TEXT NOT NULL REFERENCES messaggi(id) ON DELETE CASCADE,
        posizione INTEGER NOT NULL,
        remote_id TEXT,
        nome TEXT NOT NULL,
        mime_type TEXT NOT NULL,
        sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
        dimensione INTEGER NOT NULL,
        PRIMARY KEY (messaggio_id, posizione)
      ) STRICT;
    `);
  },
};
export default migration;
