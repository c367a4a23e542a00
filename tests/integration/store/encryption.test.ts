/**
 * The database at rest: a copied data directory (a stolen kiosk disk, another account on a
 * home PC) reads nothing without the key kept outside it. Before, `strings sportello.db`
 * showed every citizen's codice fiscale, contacts and submissions.
 */
import { closeSync, openSync, readdirSync, readFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { createCore } from '../../../electron/composition/core';
import { configSchema } from '../../../electron/core/config/schema';
import { databaseLocation } from '../../../electron/core/keystore/directory-key';
import { silentLogger } from '../../../electron/core/log/logger';
import { BACKUP_DIR, DAMAGED_DIR, backupNow, backups, damageOf } from '../../../electron/core/store/backup';
import { isPlaintext, openEncrypted } from '../../../electron/core/store/cipher';
import { DATABASE_FILE, openDatabase } from '../../../electron/core/store/database';
import { migrations } from '../../../electron/core/store/migrations';
import { runMigrations } from '../../../electron/core/store/migrations/runner';
import { createPraticheRepo } from '../../../electron/core/store/pratiche-repo';
import { filesContaining, rawFilesContaining } from '../../support/data-directory-scan';
import { locationOf } from '../../support/database-location';
import { memoryKeystore } from '../../support/keystore';
import { sportelloOf, valueOf } from '../../support/sportello';
import { temporaryDirectoryPerTest } from '../../support/close-after-each';

const CF = 'RSSNNA80A41H501X';
const SECRET = 'Via dei Segreti 17, scala B';
const dataDir = temporaryDirectoryPerTest('sportello-cifratura-');

const idOf = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const draft = (n: number) => ({ id: idOf(n), citizenCf: CF, tenantSlug: 't', serviceSlug: 's', serviceId: 'sid', status: 1000, stepId: 'istruzioni', data: { indirizzo: SECRET }, openedBy: null });

function readWithoutKey(file: string): unknown {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare('SELECT count(*) FROM pratiche').pluck().get();
  } finally {
    db.close();
  }
}

describe('the database encrypted at rest', () => {
  it('what the app saves is in no file of the directory (database, WAL, copy) without the key, and all of it with the key', () => {
    const dir = dataDir();
    const db = openDatabase(locationOf(dir));
    createPraticheRepo(db).create(draft(1), 'now');
    backupNow(db, dir, 'giornaliera');
    createPraticheRepo(db).create(draft(2), 'now'); // still in the WAL
    expect(readdirSync(dir)).toContain(`${DATABASE_FILE}-wal`);

    for (const text of [CF, SECRET, 'pratiche', 'SQLite format 3']) expect(rawFilesContaining(dir, text), text).toEqual([]);
    // The same scan, with the key, finds both pratiche: the test above could have failed.
    expect(filesContaining(dir, SECRET).map((p) => p.replace(dir, ''))).toEqual([`/${BACKUP_DIR}/${readdirSync(join(dir, BACKUP_DIR))[0]}`, `/${DATABASE_FILE}`]);
    db.close();

    const file = join(dir, DATABASE_FILE);
    expect(() => readWithoutKey(file)).toThrow(expect.objectContaining({ code: 'SQLITE_NOTADB' }));
    const otherKey = databaseLocation(dir, memoryKeystore()).key;
    expect(() => openEncrypted(file, otherKey).prepare('SELECT count(*) FROM pratiche').get()).toThrow(expect.objectContaining({ code: 'SQLITE_NOTADB' }));
    const again = openDatabase(locationOf(dir));
    expect(createPraticheRepo(again).get(idOf(2), CF)?.data).toEqual({ indirizzo: SECRET });
    again.close();
  });

  it('a plaintext archive of an earlier version is encrypted at its first open: every pratica kept, its plaintext copies replaced', () => {
    const dir = dataDir();
    const file = join(dir, DATABASE_FILE);
    const legacy = new Database(file);
    legacy.pragma('journal_mode = WAL');
    runMigrations(legacy, migrations);
    for (let n = 1; n <= 50; n++) createPraticheRepo(legacy).create(draft(n), 'now');
    backupNow(legacy, dir, 'giornaliera', new Date('2026-11-01T00:00:00Z'));
    legacy.close();
    expect(isPlaintext(file)).toBe(true);
    expect(rawFilesContaining(dir, SECRET).length).toBe(2);

    const db = openDatabase(locationOf(dir));
    expect(db.prepare('SELECT count(*) FROM pratiche').pluck().get()).toBe(50);
    expect(createPraticheRepo(db).get(idOf(50), CF)?.data).toEqual({ indirizzo: SECRET });
    db.close();
    expect(isPlaintext(file)).toBe(false);
    expect(backups(dir)).toHaveLength(1);
    expect(backups(dir)[0]!.path).toMatch(/dopo-cifratura\.db$/);
    expect(rawFilesContaining(dir, SECRET)).toEqual([]);
    expect(rawFilesContaining(dir, CF)).toEqual([]);
    expect(filesContaining(dir, SECRET).length).toBe(2);
  });

  it('a page changed on disk reads as damage (each page is authenticated), never as other data', () => {
    const dir = dataDir();
    const db = openDatabase(locationOf(dir));
    for (let n = 1; n <= 30; n++) createPraticheRepo(db).create({ ...draft(n), data: { indirizzo: SECRET, note: 'x'.repeat(2000) } }, 'now');
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    const file = join(dir, DATABASE_FILE);
    const { key } = locationOf(dir);
    expect(damageOf(file, key)).toBeNull();
    const fd = openSync(file, 'r+');
    writeSync(fd, Buffer.from([0x5a]), 0, 1, 4096 * 10 + 1000); // one byte in the eleventh page
    closeSync(fd);
    expect(damageOf(file, key)).not.toBeNull();
  });

  it('keys lost (a reinstalled system): the app still starts, the unreadable archive set aside with a message that names the key', async () => {
    const dir = dataDir();
    const first = await createCore({ config: configSchema.parse({ dataDirectory: dir }), log: silentLogger, version: '0.0.0-test', dataDir: dir, keystore: memoryKeystore() });
    await first.dispose();
    const before = readFileSync(join(dir, DATABASE_FILE));
    const core = await createCore({ config: configSchema.parse({ dataDirectory: dir }), log: silentLogger, version: '0.0.0-test', dataDir: dir, keystore: memoryKeystore() });
    const { avvisi } = await valueOf(sportelloOf(core).app.info({}));
    await core.dispose();
    expect(avvisi).toHaveLength(1);
    expect(avvisi[0]).toMatch(/non si apre con la chiave di questo computer.*messo da parte/);
    const aside = readdirSync(join(dir, DAMAGED_DIR)).filter((n) => n.endsWith('.db'));
    expect(aside).toHaveLength(1);
    // Set aside as it was: with the old key, support can still open it.
    expect(readFileSync(join(dir, DAMAGED_DIR, aside[0]!)).equals(before)).toBe(true);
  });
});
