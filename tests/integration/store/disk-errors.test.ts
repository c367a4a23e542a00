/**
 * A full disk and a read-only data folder, on real file systems: a small tmpfs mounted
 * for the test (the tests run as root, as in CI; without the right to mount they fail).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, StoreError } from '../../../electron/core/store/database';
import { locationOf } from '../../support/database-location';
import { createPraticheRepo } from '../../../electron/core/store/pratiche-repo';
import { filesOf } from '../../support/database-location';

const CF = 'RSSNNA80A41H501X';
const ID = '00000000-0000-4000-8000-0000000000d1';
const mounts: string[] = [];

function smallDisk(sizeKb: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'sportello-disk-'));
  execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${sizeKb}k`, 'tmpfs', dir]);
  mounts.push(dir);
  return dir;
}

function fillUp(dir: string): void {
  const chunk = Buffer.alloc(4096, 1);
  for (let i = 0; ; i++) {
    try {
      writeFileSync(join(dir, `riempitivo-${i}`), chunk);
    } catch (error) {
      if ((error as { code?: string }).code === 'ENOSPC') return;
      throw error;
    }
  }
}

function seed(dataDir: string) {
  const db = openDatabase(locationOf(dataDir));
  const repo = createPraticheRepo(db);
  repo.create({ id: ID, citizenCf: CF, tenantSlug: 't', serviceSlug: 's', serviceId: 'sid', status: 1000, stepId: 'istruzioni', data: {}, openedBy: null }, 'now');
  expect(repo.saveData(ID, CF, { salvato: 'prima' }, 'now')).toBe(1);
  return { db, repo };
}

afterEach(() => {
  for (const dir of mounts.splice(0)) {
    execFileSync('umount', ['-l', dir]);
    rmSync(dir, { recursive: true, force: true });
  }
});

describe('store on a full or read-only disk', () => {
  it('a full disk gives a clear Italian error and keeps the last good save', () => {
    const dir = smallDisk(1024);
    const { db, repo } = seed(dir);
    fillUp(dir);
    let error: unknown;
    try {
      // SQLite reuses the WAL's space after a checkpoint, so only a save larger than that space hits the full disk.
      for (let kb = 64; kb <= 1024; kb *= 2) repo.saveData(ID, CF, { salvato: 'dopo', grande: 'x'.repeat(kb * 1024) }, 'now');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(StoreError);
    expect((error as StoreError).code).toBe('archivio-pieno');
    expect((error as StoreError).message).toMatch(/disco è pieno/);

    const blobs = filesOf(dir).allegati;
    expect(() => blobs.put(Buffer.alloc(512 * 1024, 7))).toThrow(/disco è pieno/);
    expect(readdirSync(join(dir, 'allegati')).filter((n) => n.endsWith('.tmp'))).toEqual([]);
    db.close();

    for (const name of readdirSync(dir).filter((n) => n.startsWith('riempitivo-'))) rmSync(join(dir, name));
    const reopened = openDatabase(locationOf(dir));
    expect(reopened.pragma('integrity_check', { simple: true })).toBe('ok');
    const pratica = createPraticheRepo(reopened).get(ID, CF)!;
    expect(pratica.data).toHaveProperty('salvato');
    expect(pratica.revision).toBeGreaterThanOrEqual(1);
    reopened.close();
  });

  it('a read-only data folder gives a clear Italian error and leaves the data intact', () => {
    const dir = smallDisk(2048);
    seed(dir).db.close();
    execFileSync('mount', ['-o', 'remount,ro', dir]);
    // WAL mode needs its shared-memory file next to the database: a read-only folder cannot even be opened.
    expect(() => openDatabase(locationOf(dir))).toThrow(/Impossibile aprire l'archivio dei dati: controlla i permessi/);
    expect(() => filesOf(dir).allegati.put(Buffer.from('%PDF-1.7'))).toThrow(/sola lettura/);
    execFileSync('mount', ['-o', 'remount,rw', dir]);
    const db = openDatabase(locationOf(dir));
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(createPraticheRepo(db).get(ID, CF)!.data).toEqual({ salvato: 'prima' });
    db.close();
  });

  it('a data folder that cannot be created gives a clear Italian error', () => {
    const dir = smallDisk(256);
    execFileSync('mount', ['-o', 'remount,ro', dir]);
    expect(() => openDatabase(locationOf(join(dir, 'sportello')))).toThrow(/sola lettura/);
  });
});
