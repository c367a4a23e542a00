/**
 * What is left of a citizen in a data directory, read as someone holding the keys would read
 * it: every file's bytes, with each encrypted database (the database and its WAL, the copies,
 * the files set aside) and each stored file (attachments, outcomes) decrypted first. Decryption goes through a throw-away copy and SQLite's
 * rekey, so live pages, indexes and the full-text index are all seen; the free pages stay
 * encrypted, and what `secure_delete` overwrote there is gone in any case.
 */
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { directoryKey } from '../../electron/core/keystore/directory-key';
import { fileKeystore } from '../../electron/core/keystore/file-keystore';
import { decryptStoredFile } from '../../electron/core/store/blob-store';
import { isPlaintext, openEncrypted } from '../../electron/core/store/cipher';
import { locationOf } from './database-location';

const WAL_FILES = /-(wal|shm)$/;

/** The plaintext of an encrypted database file (with its WAL, when it has one). */
function decryptedDatabase(file: string, key: Buffer): Buffer {
  const scratch = mkdtempSync(join(tmpdir(), 'sportello-scan-'));
  try {
    const copy = join(scratch, 'copia.db');
    copyFileSync(file, copy);
    if (existsSync(`${file}-wal`)) copyFileSync(`${file}-wal`, `${copy}-wal`);
    const db = openEncrypted(copy, key);
    try {
      db.pragma('journal_mode = DELETE');
      db.pragma(`rekey = ''`);
    } finally {
      db.close();
    }
    return readFileSync(copy);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** The files under a directory; WAL and shared-memory files aside unless `withWal` (they are read with their database). */
function filesUnder(dir: string, withWal = false): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return filesUnder(path, withWal);
    return !withWal && WAL_FILES.test(name) ? [] : [path];
  });
}

function contentOf(path: string, keys: { archive: Buffer; files: Buffer }): Buffer {
  if (path.endsWith('.db') && statSync(path).size > 0 && !isPlaintext(path)) return decryptedDatabase(path, keys.archive);
  return decryptStoredFile(path, keys.files) ?? readFileSync(path);
}

/** Every file under the data directory whose content contains `text` (UTF-8), decrypted as above. */
export function filesContaining(dataDir: string, text: string): string[] {
  const keys = { archive: locationOf(dataDir).key, files: directoryKey(fileKeystore(), 'file', dataDir) };
  const needle = Buffer.from(text, 'utf8');
  return filesUnder(dataDir).filter((path) => contentOf(path, keys).includes(needle));
}

/** Every file under the data directory (WAL included) whose raw bytes contain `text`: what a copied disk shows. */
export function rawFilesContaining(dataDir: string, text: string): string[] {
  const needle = Buffer.from(text, 'utf8');
  return filesUnder(dataDir, true).filter((path) => readFileSync(path).includes(needle));
}
