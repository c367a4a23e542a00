/**
 * Stored files nothing refers to any more, removed at start. A file is written before the row
 * that names it and removed after the commit that drops that row (blob-store.ts, oblio-repo.ts),
 * so a crash or a power cut in between leaves a file no row names: on a kiosk, a citizen's
 * document that no purge would ever find again. At start, before anything writes, every file
 * whose content no row names is removed.
 *
 * "Names" is read as widely as possible: every SHA-256 written anywhere in the database (every
 * table, every text column, JSON payloads of the outbox and of the portal's pratiche included)
 * keeps its file. A table added later that refers to files by their hash is covered without
 * being listed here; the cost of reading too widely is only a file kept, never one lost.
 */
import type { FileStores } from './blob-store';
import type { Db } from './database';

const SHA256_IN_TEXT = /[0-9a-f]{64}/g;

/** Every SHA-256 (lower-case hex) that appears in any value of any table. */
export function contenutiCitati(db: Db): Set<string> {
  const citati = new Set<string>();
  const tables = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").pluck().all() as string[];
  for (const table of tables) {
    const rows = db.prepare(`SELECT * FROM "${table.replaceAll('"', '""')}"`).raw().iterate() as Iterable<unknown[]>;
    for (const row of rows) {
      for (const value of row) {
        if (typeof value !== 'string' || value.length < 64) continue;
        for (const match of value.toLowerCase().matchAll(SHA256_IN_TEXT)) citati.add(match[0]);
      }
    }
  }
  return citati;
}

/** Removes the files of both stores that no row names; returns how many of each went. */
export function rimuoviFileOrfani(db: Db, files: FileStores): { allegati: number; esiti: number } {
  const citati = contenutiCitati(db);
  return { allegati: files.allegati.sweep(citati), esiti: files.esiti.sweep(citati) };
}
