/**
 * Applies the migrations a database has not seen yet, in order, each in its own
 * transaction, and records them. Refuses a list that is out of order or has a
 * duplicate, and a database that has migrations this build does not know (a
 * downgrade), because running on a schema we do not understand corrupts data.
 */
import type Database from 'better-sqlite3-multiple-ciphers';
import type { Migration } from './migration';

const NAME = /^(\d{3})-[a-z0-9-]+$/;

export function checkMigrationList(list: readonly Migration[]): void {
  let previous = 0;
  for (const m of list) {
    const match = NAME.exec(m.name);
    if (!match || Number(match[1]) !== m.id) throw new Error(`migrazione ${m.name}: il nome deve essere NNN-nome con NNN = ${m.id}`);
    if (m.id <= previous) throw new Error(`migrazione ${m.name}: numeri non crescenti o duplicati`);
    previous = m.id;
  }
}

export function appliedMigrations(db: Database.Database): number[] {
  return (db.prepare('SELECT id FROM schema_migrations ORDER BY id').all() as { id: number }[]).map((r) => r.id);
}

export function runMigrations(db: Database.Database, list: readonly Migration[]): number[] {
  checkMigrationList(list);
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    id INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL) STRICT`);
  const applied = new Set(appliedMigrations(db));
  const known = new Set(list.map((m) => m.id));
  const unknown = [...applied].filter((id) => !known.has(id));
  if (unknown.length > 0) {
    throw Object.assign(new Error(`archivio creato da una versione più recente (migrazioni ${unknown.join(', ')})`), {
      code: 'SPORTELLO_NEWER_SCHEMA',
    });
  }
  const record = db.prepare('INSERT INTO schema_migrations (id, name, applied_at) VALUES (?, ?, ?)');
  const ran: number[] = [];
  for (const m of list) {
    if (applied.has(m.id)) continue;
    // The pragma is a no-op inside a transaction: it is set around it (https://sqlite.org/lang_altertable.html#otheralter).
    const keysWereOn = db.pragma('foreign_keys', { simple: true }) === 1;
    if (m.rebuildsTables) db.pragma('foreign_keys = OFF');
    try {
      db.transaction(() => {
        m.up(db);
        if (m.rebuildsTables) {
          const broken = db.pragma('foreign_key_check') as unknown[];
          if (broken.length > 0) throw new Error(`migrazione ${m.name}: ${broken.length} riferimenti non validi dopo la ricostruzione`);
        }
        record.run(m.id, m.name, new Date().toISOString());
      })();
    } finally {
      if (m.rebuildsTables && keysWereOn) db.pragma('foreign_keys = ON');
    }
    ran.push(m.id);
  }
  return ran;
}
