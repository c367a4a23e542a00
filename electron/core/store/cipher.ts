/**
 * The database is encrypted at rest: a stolen kiosk disk, a copied data directory or
 * another account on a home PC reads nothing of it. SQLite3 Multiple Ciphers (through
 * better-sqlite3-multiple-ciphers, the same API as better-sqlite3) encrypts every page,
 * the WAL and the `VACUUM INTO` copies with ChaCha20 and authenticates each page with
 * Poly1305, so a page edited on disk reads as damaged instead of as other data.
 *
 * The 32-byte key is the data directory's `archivio` key in the keystore (Electron: wrapped
 * by the OS keystore), never beside the data. A file written by an earlier version in
 * plaintext is encrypted in place the first time it is opened.
 */
import Database from 'better-sqlite3-multiple-ciphers';
import { fileStartsWith } from './file-head';

/** Named, not left to the library's default, so that an upgrade can never change how files are read. */
const CIPHER = 'chacha20';
const KEY_BYTES = 32;
const PLAINTEXT_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

/** Gives an open connection its key; must come before the first statement that reads the file. */
function unlock(db: Database.Database, key: Buffer): void {
  if (key.length !== KEY_BYTES) throw new Error(`chiave dell'archivio non valida (${key.length} byte)`);
  db.pragma(`cipher = '${CIPHER}'`);
  db.pragma(`hexkey = '${key.toString('hex')}'`);
}

export function openEncrypted(file: string, key: Buffer, options: Database.Options = {}): Database.Database {
  const db = new Database(file, options);
  try {
    unlock(db, key);
  } catch (error) {
    db.close();
    throw error;
  }
  return db;
}

/** True for a database file in SQLite's own plaintext format (an encrypted one starts with random bytes). */
export function isPlaintext(file: string): boolean {
  return fileStartsWith(file, PLAINTEXT_HEADER);
}

/**
 * Encrypts a plaintext database where it lies. The WAL is folded in first (rekey works on
 * a rollback journal), every page is rewritten encrypted, then the caller's open puts WAL back.
 */
export function encryptInPlace(file: string, key: Buffer): void {
  const db = new Database(file, { fileMustExist: true });
  try {
    db.pragma('journal_mode = DELETE');
    db.pragma(`cipher = '${CIPHER}'`);
    db.pragma(`hexrekey = '${key.toString('hex')}'`);
  } finally {
    db.close();
  }
}
