/** Test helper: an in-memory database with the migrations up to (and including) `id`. */
import Database from 'better-sqlite3-multiple-ciphers';
import { migrations } from '../../../electron/core/store/migrations';
import { runMigrations } from '../../../electron/core/store/migrations/runner';

export function memoryDbUpTo(id: number): Database.Database {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  runMigrations(db, migrations.filter((m) => m.id <= id));
  return db;
}

export function columnsOf(db: Database.Database, table: string): string[] {
  return (db.prepare(`SELECT name FROM pragma_table_info(?)`).all(table) as { name: string }[]).map((r) => r.name);
}

export function isStrict(db: Database.Database, table: string): boolean {
  const row = db.prepare(`SELECT strict FROM pragma_table_list WHERE name = ?`).get(table) as { strict: number } | undefined;
  return row?.strict === 1;
}
