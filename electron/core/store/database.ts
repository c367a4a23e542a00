/**
 * Opening the one database file and turning SQLite failures into errors a person can read.
 *
 * WAL keeps readers (search, lists) off the writers' path; `synchronous = FULL` because an
 * autosave we acknowledged must survive a power cut at a kiosk; `secure_delete` so that what
 * is deleted is overwritten in the file. Every write goes through
 * `guard`, so a read-only folder or a full disk becomes a clear Italian message instead of
 * a stack trace, and SQLite's own journal keeps the file consistent. The file is
 * encrypted with the data directory's key (cipher.ts).
 */
import Database from 'better-sqlite3-multiple-ciphers';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { DomainError } from '../errors';
import { appliedMigrations, runMigrations } from './migrations/runner';
import { makePrivate } from './private-files';
import { backupNow, damageOf, replaceAllCopies, restoreDamaged } from './backup';
import { encryptInPlace, isPlaintext, openEncrypted } from './cipher';
import { migrations as allMigrations, type Migration } from './migrations';
import type { CodiceArchivio } from '../../shared/contract/errori';

export type Db = Database.Database;

export const DATABASE_FILE = 'sportello.db';

export class StoreError extends DomainError {}

const MESSAGES: Record<string, [code: CodiceArchivio, message: string]> = {
  SQLITE_READONLY: ['archivio-sola-lettura', "Impossibile salvare: la cartella dei dati è in sola lettura. Rivolgiti all'assistenza."],
  SQLITE_FULL: ['archivio-pieno', "Impossibile salvare: il disco è pieno. I dati già salvati sono al sicuro; rivolgiti all'assistenza."],
  SQLITE_IOERR: ['archivio-errore-disco', "Impossibile salvare per un errore del disco. I dati già salvati sono al sicuro; rivolgiti all'assistenza."],
  SQLITE_CANTOPEN: ['archivio-non-apribile', "Impossibile aprire l'archivio dei dati: controlla i permessi della cartella dei dati."],
  SQLITE_BUSY: ['archivio-occupato', "L'archivio è occupato da un'altra operazione. Riprova tra poco."],
  SQLITE_CORRUPT: ['archivio-danneggiato', "L'archivio dei dati risulta danneggiato. Rivolgiti all'assistenza."],
  SQLITE_NOTADB: ['archivio-danneggiato', "L'archivio dei dati risulta danneggiato. Rivolgiti all'assistenza."],
};

/** File-system errors (attachments) that mean the same to a person as SQLite's. */
const FS_CODES: Record<string, string> = { EROFS: 'SQLITE_READONLY', EACCES: 'SQLITE_READONLY', EPERM: 'SQLITE_READONLY', ENOSPC: 'SQLITE_FULL', EFBIG: 'SQLITE_FULL', EIO: 'SQLITE_IOERR' };

/** The StoreError for a SQLite or file-system failure, or null when it is something else (a bug). */
export function storeErrorOf(error: unknown): StoreError | null {
  if (error instanceof StoreError) return error;
  const raw = (error as { code?: unknown } | null)?.code;
  if (typeof raw !== 'string') return null;
  const code = FS_CODES[raw] ?? raw;
  const entry = Object.entries(MESSAGES).find(([prefix]) => code === prefix || code.startsWith(`${prefix}_`));
  return entry ? new StoreError(entry[1][0], entry[1][1]) : null;
}

/** Runs a store operation; SQLite / disk failures come out as StoreError. */
export function guard<T>(operation: () => T): T {
  try {
    return operation();
  } catch (error) {
    throw storeErrorOf(error) ?? error;
  }
}

/** Node's recursive mkdir reports ENOENT on a read-only file system; the plain one tells the real cause. */
export function ensureDirectory(dir: string): void {
  if (existsSync(dir)) return;
  try {
    mkdirSync(dir, { recursive: true });
  } catch (error) {
    if ((error as { code?: string }).code !== 'ENOENT') throw error;
    mkdirSync(dir);
  }
}

export interface OpenOptions {
  /** Defaults to every migration in migrations/index.ts. */
  migrations?: readonly Migration[];
  /**
   * The app's own start: a damaged file is replaced by the newest good copy (see backup.ts)
   * and a copy is taken before migrations; `notice` hears what a person must be told.
   * Tools and tests that open a database for a look leave it off.
   */
  recovery?: { notice(message: string): void };
}

/** A data directory's database and the key it is encrypted with (keystore/directory-key.ts, purpose 'archivio'). */
export interface DatabaseLocation {
  dataDir: string;
  key: Buffer;
}

/** Opens (creating if needed) `<dataDir>/sportello.db`, or `:memory:`, and brings its schema up to date. */
export function openDatabase(location: DatabaseLocation | ':memory:', options: OpenOptions = {}): Db {
  return guard(() => {
    let db: Db;
    let encryptedNow = false;
    if (location === ':memory:') {
      db = new Database(':memory:');
    } else {
      const { dataDir, key } = location;
      ensureDirectory(dataDir);
      const file = join(dataDir, DATABASE_FILE);
      if (existsSync(file) && isPlaintext(file)) encryptedNow = encryptLegacy(file, key);
      const problem = options.recovery && existsSync(file) ? damageOf(file, key) : null;
      if (problem !== null) options.recovery?.notice(restoreDamaged(dataDir, file, problem, key));
      db = openEncrypted(file, key);
      db.pragma('journal_mode = WAL');
      // SQLite gives its -wal and -shm files the database file's mode: 0600 for all three.
      for (const suffix of ['', '-wal', '-shm']) makePrivate(file + suffix);
    }
    try {
      db.pragma('synchronous = FULL');
      db.pragma('foreign_keys = ON');
      // Deleted rows are overwritten, not left in free pages: what a kiosk forgets is gone from the file.
      db.pragma('secure_delete = ON');
      db.pragma('busy_timeout = 5000');
      const list = options.migrations ?? allMigrations;
      if (options.recovery && location !== ':memory:' && hasPendingMigrations(db, list)) backupNow(db, location.dataDir, 'prima-migrazione');
      runMigrations(db, list);
      // The copies taken before were plaintext: an encrypted one replaces them all.
      if (encryptedNow && location !== ':memory:') replaceAllCopies(db, location.dataDir);
    } catch (error) {
      db.close();
      throw error;
    }
    return db;
  });
}

/**
 * A file written in plaintext by an earlier version is encrypted where it lies. One that
 * cannot be (damaged) is left as it is for the damage check, which moves it aside.
 */
function encryptLegacy(file: string, key: Buffer): boolean {
  try {
    encryptInPlace(file, key);
  } catch {
    return false;
  }
  return !isPlaintext(file);
}

/** True for a database that has a schema already and misses some of the migrations (an upgrade). */
function hasPendingMigrations(db: Db, list: readonly Migration[]): boolean {
  const exists = db.prepare(`SELECT 1 FROM sqlite_master WHERE name = 'schema_migrations'`).get();
  if (!exists) return false;
  const applied = new Set(appliedMigrations(db));
  return list.some((m) => !applied.has(m.id));
}
