/**
 * One running Sportello per data directory. Two processes on one directory would both
 * send the outbox (every pratica twice) and fight over SQLite's write lock; Electron's
 * single-instance lock does not see them (it is per user profile) and the browser host
 * has none.
 *
 * The lock is a small SQLite file held in EXCLUSIVE locking mode: SQLite takes an OS
 * file lock (fcntl on Linux and macOS, LockFileEx on Windows) and keeps it until the
 * connection closes. The OS drops it when the process dies, however it dies, so a kiosk
 * that lost power never finds a stale lock.
 */
import Database from 'better-sqlite3-multiple-ciphers';
import { join } from 'node:path';
import { DomainError } from '../errors';

const LOCK_FILE = 'sportello.lock';

export interface InstanceLock {
  release(): void;
}

export function lockDataDirectory(dataDir: string): InstanceLock {
  const db = new Database(join(dataDir, LOCK_FILE), { timeout: 0 });
  try {
    db.pragma('locking_mode = EXCLUSIVE');
    // The first write takes the exclusive lock; in EXCLUSIVE mode it is kept after the commit.
    db.exec('CREATE TABLE IF NOT EXISTS istanza (pid INTEGER NOT NULL, dal TEXT NOT NULL)');
    db.transaction(() => {
      db.exec('DELETE FROM istanza');
      db.prepare('INSERT INTO istanza (pid, dal) VALUES (?, ?)').run(process.pid, new Date().toISOString());
    })();
  } catch (error) {
    db.close();
    const code = (error as { code?: string }).code ?? '';
    if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
      throw new DomainError(
        'istanza-gia-attiva',
        `Sportello è già in esecuzione con la cartella dei dati ${dataDir}. Chiudi l'altra finestra di Sportello oppure configura un'altra cartella dei dati.`,
      );
    }
    throw error;
  }
  return { release: () => db.close() };
}
