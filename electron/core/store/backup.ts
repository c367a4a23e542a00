/**
 * Copies of the database, so that a damaged file never bricks a kiosk: one a day and one
 * before every schema migration (`VACUUM INTO`, a consistent copy taken while the app
 * runs), the newest three kept in `copie/`. At start a database that fails SQLite's
 * `quick_check` is moved aside to `danneggiati/` (kept DAMAGED_KEEP_DAYS for support to
 * recover more from it, then deleted: it holds citizens' data like any copy) and the newest
 * copy that passes the same check takes its place.
 * Copies are encrypted with the database's own key (`VACUUM INTO` keeps it, cipher.ts).
 */
import Database from 'better-sqlite3-multiple-ciphers';
import { copyFileSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { makePrivate } from './private-files';
import { isPlaintext, openEncrypted } from './cipher';

export const BACKUP_DIR = 'copie';
export const DAMAGED_DIR = 'danneggiati';
const KEEP = 3;
const DAY_MS = 24 * 60 * 60 * 1000;
export const DAMAGED_KEEP_DAYS = 30;
const DAMAGED = /^sportello-(\d{8}T\d{6}Z)\.db(-wal|-shm)?$/;
const COPY = /^sportello-(\d{8}T\d{6}Z)-[a-z-]+\.db$/;

const stamp = (d: Date) => d.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
const fromStamp = (s: string): Date => new Date(s.replace(/^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/, '$1-$2-$3T$4:$5:$6Z'));
const whenOf = (name: string): Date | null => {
  const m = COPY.exec(name);
  return m ? fromStamp(m[1]!) : null;
};

/** The problem SQLite finds with a database file opened with `key`, or null when it passes quick_check. */
export function damageOf(file: string, key: Buffer): string | null {
  let db: Database.Database | undefined;
  try {
    db = openEncrypted(file, key, { readonly: true, fileMustExist: true });
    const verdict = db.pragma('quick_check(1)', { simple: true });
    return verdict === 'ok' ? null : String(verdict);
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'SQLITE_NOTADB' && !isPlaintext(file)) return 'il file non si apre con la chiave di questo computer: chiave diversa o file danneggiato';
    return (error as Error).message;
  } finally {
    db?.close();
  }
}

/** The copies, newest first. */
export function backups(dataDir: string): { path: string; at: Date }[] {
  const dir = join(dataDir, BACKUP_DIR);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .map((name) => ({ path: join(dir, name), at: whenOf(name) }))
    .filter((c): c is { path: string; at: Date } => c.at !== null)
    .sort((a, b) => b.at.getTime() - a.at.getTime());
}

export function backupNow(db: Database.Database, dataDir: string, reason: 'giornaliera' | 'prima-migrazione' | 'dopo-oblio' | 'dopo-cifratura', now: Date = new Date()): string {
  const dir = join(dataDir, BACKUP_DIR);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const path = join(dir, `sportello-${stamp(now)}-${reason}.db`);
  const part = `${path}.part`;
  rmSync(part, { force: true });
  db.prepare('VACUUM INTO ?').run(part);
  makePrivate(part);
  renameSync(part, path);
  for (const old of backups(dataDir).slice(KEEP)) rmSync(old.path, { force: true });
  return path;
}

/**
 * A fresh copy that replaces all the older ones, when they hold what the database no longer
 * does: after a kiosk forgot its citizens (store/oblio-repo.ts), after a plaintext file was
 * encrypted (their copies were plaintext).
 */
export function replaceAllCopies(db: Database.Database, dataDir: string, reason: 'dopo-oblio' | 'dopo-cifratura' = 'dopo-cifratura', now: Date = new Date()): string {
  const path = backupNow(db, dataDir, reason, now);
  for (const old of backups(dataDir)) if (old.path !== path) rmSync(old.path, { force: true });
  return path;
}

/** A daily copy when the newest is a day old (or none exists); returns its path, or null. Old damaged files go too. */
export function backupIfDue(db: Database.Database, dataDir: string, now: Date = new Date()): string | null {
  pruneDamaged(dataDir, now);
  const newest = backups(dataDir)[0];
  if (newest && now.getTime() - newest.at.getTime() < DAY_MS) return null;
  return backupNow(db, dataDir, 'giornaliera', now);
}

/**
 * Moves a damaged database (and its WAL) aside and puts the newest good copy in its place.
 * Returns what a person needs to know: what was wrong, where the damaged file is, what was kept.
 */
export function restoreDamaged(dataDir: string, file: string, problem: string, key: Buffer, now: Date = new Date()): string {
  const aside = join(dataDir, DAMAGED_DIR);
  mkdirSync(aside, { recursive: true, mode: 0o700 });
  const moved = join(aside, `sportello-${stamp(now)}.db`);
  for (const suffix of ['', '-wal', '-shm']) {
    if (existsSync(file + suffix)) renameSync(file + suffix, moved + suffix);
  }
  const good = backups(dataDir).find((c) => statSync(c.path).size > 0 && damageOf(c.path, key) === null);
  const cause = `L'archivio dei dati era danneggiato (${problem.slice(0, 120)}) ed è stato messo da parte in ${moved}.`;
  if (!good) return `${cause} Non c'era una copia di sicurezza valida: Sportello riparte con un archivio vuoto. Rivolgiti all'assistenza per recuperare i dati.`;
  copyFileSync(good.path, file);
  makePrivate(file);
  return `${cause} È stata ripristinata la copia di sicurezza del ${good.at.toLocaleString('it-IT', { timeZone: 'Europe/Rome' })}: quanto registrato dopo non è nell'archivio.`;
}

/** Deletes the damaged files set aside more than DAMAGED_KEEP_DAYS ago; returns how many files went. */
function pruneDamaged(dataDir: string, now: Date = new Date()): number {
  const dir = join(dataDir, DAMAGED_DIR);
  if (!existsSync(dir)) return 0;
  let removed = 0;
  for (const name of readdirSync(dir)) {
    const m = DAMAGED.exec(name);
    const at = m ? fromStamp(m[1]!) : null;
    if (!at || now.getTime() - at.getTime() <= DAMAGED_KEEP_DAYS * DAY_MS) continue;
    rmSync(join(dir, name), { force: true });
    removed++;
  }
  return removed;
}
