/**
 * A damaged database never bricks the app: garbage in the header, or three pages of a
 * full archive overwritten; the app starts, the damaged file is moved aside, the newest
 * good copy is restored, and staff are told what was kept. Copies are taken before a
 * schema migration and once a day, three kept.
 */
import { describe, expect, it } from 'vitest';
import { closeSync, existsSync, openSync, readdirSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { configSchema } from '../../../electron/core/config/schema';
import { createCore, type Core } from '../../../electron/composition/core';
import { silentLogger } from '../../../electron/core/log/logger';
import { DATABASE_FILE, openDatabase } from '../../../electron/core/store/database';
import { locationOf } from '../../support/database-location';
import { sportelloOf, valueOf } from '../../support/sportello';
import { BACKUP_DIR, DAMAGED_DIR, DAMAGED_KEEP_DAYS, backupIfDue, backupNow, backups } from '../../../electron/core/store/backup';
import { createPraticheRepo } from '../../../electron/core/store/pratiche-repo';
import { migrations } from '../../../electron/core/store/migrations';
import { temporaryDirectoryPerTest } from '../../support/close-after-each';

const CF = 'RSSNNA80A41H501X';
const dataDir = temporaryDirectoryPerTest('sportello-ripristino-');

function addPratiche(dir: string, ids: string[]): void {
  const db = openDatabase(locationOf(dir));
  const repo = createPraticheRepo(db);
  for (const id of ids) {
    repo.create({ id, citizenCf: CF, tenantSlug: 't', serviceSlug: 's', serviceId: 'sid', status: 1000, stepId: 'istruzioni', data: { note: 'x'.repeat(3000) }, openedBy: null }, 'now');
  }
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
}

const idOf = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

/** Overwrites whole pages with bytes from a fixed seed (a deterministic "random" damage). */
function damagePages(file: string, pages: number[]): void {
  const fd = openSync(file, 'r+');
  let seed = 42;
  for (const page of pages) {
    const bytes = Buffer.alloc(4096, 0).map(() => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) & 0xff);
    writeSync(fd, bytes, 0, bytes.length, (page - 1) * 4096);
  }
  closeSync(fd);
}

async function startCore(dir: string) {
  return createCore({ config: configSchema.parse({ dataDirectory: dir }), log: silentLogger, version: '0.0.0-test', dataDir: dir });
}

async function avvisiOf(core: Core): Promise<string[]> {
  return (await valueOf(sportelloOf(core).app.info({}))).avvisi;
}

describe('a damaged database', () => {
  it('garbage in the header, no copy: the app starts with an empty archive, the damaged file kept aside, staff told', async () => {
    const dir = dataDir();
    addPratiche(dir, [idOf(1)]);
    const fd = openSync(join(dir, DATABASE_FILE), 'r+');
    writeSync(fd, Buffer.from('QUESTO NON È UN DATABASE SQLITE!'), 0, 32, 0);
    closeSync(fd);
    const core = await startCore(dir);
    const avvisi = await avvisiOf(core);
    expect(avvisi).toHaveLength(1);
    expect(avvisi[0]).toMatch(/danneggiato .*messo da parte .*Non c'era una copia di sicurezza valida/);
    expect(readdirSync(join(dir, DAMAGED_DIR)).some((n) => n.endsWith('.db'))).toBe(true);
    // The new archive works: the demo catalogue was imported into it.
    expect((await valueOf(sportelloOf(core).catalogue.tenants({}))).length).toBeGreaterThan(0);
    await core.dispose();
  });

  it('three pages overwritten: the newest good copy is restored, with what it holds', async () => {
    const dir = dataDir();
    addPratiche(dir, Array.from({ length: 40 }, (_, i) => idOf(i + 1)));
    const copy = openDatabase(locationOf(dir));
    backupNow(copy, dir, 'giornaliera', new Date('2026-12-01T08:00:00Z'));
    copy.close();
    addPratiche(dir, [idOf(99)]);
    const pages = statSync(join(dir, DATABASE_FILE)).size / 4096;
    expect(pages).toBeGreaterThan(20);
    damagePages(join(dir, DATABASE_FILE), [3, Math.floor(pages / 2), pages - 1]);

    const core = await startCore(dir);
    const [avviso] = await avvisiOf(core);
    expect(avviso).toMatch(/ripristinata la copia di sicurezza del 01\/12\/2026, 09:00:00/);
    await core.dispose();
    const db = openDatabase(locationOf(dir));
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    const repo = createPraticheRepo(db);
    expect(repo.get(idOf(40), CF)?.id).toBe(idOf(40));
    expect(repo.get(idOf(99), CF) ?? null).toBeNull();
    db.close();
  });

  it('an undamaged archive starts with no notice', async () => {
    const dir = dataDir();
    addPratiche(dir, [idOf(1)]);
    const core = await startCore(dir);
    expect(await avvisiOf(core)).toEqual([]);
    await core.dispose();
    expect(existsSync(join(dir, DAMAGED_DIR))).toBe(false);
  });
});

describe('copies of the database', () => {
  it('are taken before a migration runs on an existing archive', () => {
    const dir = dataDir();
    const older = openDatabase(locationOf(dir), { migrations: migrations.filter((m) => m.id <= 201) });
    older.close();
    const db = openDatabase(locationOf(dir), { recovery: { notice: () => {} } });
    db.close();
    expect(backups(dir).map((c) => c.path)).toEqual([expect.stringMatching(/prima-migrazione\.db$/)]);
    const again = openDatabase(locationOf(dir), { recovery: { notice: () => {} } });
    again.close();
    expect(backups(dir)).toHaveLength(1);
  });

  it('are taken once a day and the newest three kept', () => {
    const dir = dataDir();
    const db = openDatabase(locationOf(dir));
    const day = (n: number) => new Date(Date.UTC(2026, 11, n, 3));
    expect(backupIfDue(db, dir, day(1))).not.toBeNull();
    expect(backupIfDue(db, dir, new Date(day(1).getTime() + 3_600_000))).toBeNull();
    for (const n of [2, 3, 4, 5]) expect(backupIfDue(db, dir, day(n))).not.toBeNull();
    db.close();
    expect(backups(dir).map((c) => c.at.toISOString())).toEqual([day(5), day(4), day(3)].map((d) => d.toISOString()));
    expect(readdirSync(join(dir, BACKUP_DIR))).toHaveLength(3);
    expect(statSync(join(dir, BACKUP_DIR)).mode & 0o777).toBe(0o700);
  });

  it('damaged files set aside are deleted after the days support has to look at them, with the daily check', () => {
    const dir = dataDir();
    addPratiche(dir, [idOf(1)]);
    const fd = openSync(join(dir, DATABASE_FILE), 'r+');
    writeSync(fd, Buffer.from('QUESTO NON È UN DATABASE SQLITE!'), 0, 32, 0);
    closeSync(fd);
    const setAside = new Date();
    openDatabase(locationOf(dir), { recovery: { notice: () => {} } }).close();
    expect(readdirSync(join(dir, DAMAGED_DIR)).filter((n) => n.endsWith('.db'))).toHaveLength(1);
    const db = openDatabase(locationOf(dir));
    const later = (days: number) => new Date(setAside.getTime() + days * 86_400_000);
    backupIfDue(db, dir, later(DAMAGED_KEEP_DAYS - 1));
    expect(readdirSync(join(dir, DAMAGED_DIR)).filter((n) => n.endsWith('.db'))).toHaveLength(1);
    backupIfDue(db, dir, later(DAMAGED_KEEP_DAYS + 1));
    db.close();
    expect(readdirSync(join(dir, DAMAGED_DIR))).toEqual([]);
  });
});
