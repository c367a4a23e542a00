/**
 * A power cut during autosave. A SIGKILL (crash-safety.test.ts) cannot show one: the killed
 * process's writes are in the kernel's page cache and reach the disk anyway, so that test
 * passes even with `synchronous = OFF`. Here the data directory is on a disk that loses
 * whatever was not fsynced (tests/support/volatile-disk.ts): after each cut the disk is
 * mounted again and the last acknowledged save must be there, whole, in a database that
 * passes integrity_check. The same cuts with `synchronous = OFF` lose acknowledged saves,
 * which proves the test can fail.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/core/store/database';
import { locationOf } from '../../support/database-location';
import { mountVolatileDisk } from '../../support/volatile-disk';
import { runAndKill, survivor, type Survivor } from './autosave-run';

const CUTS = 50;

interface Cut {
  acknowledged: number;
  found: Survivor | { error: string };
}

/** One run of the child on the volatile disk, killed, the power cut, the disk mounted again and read. */
async function cut(backing: string, mountPoint: string, env: Record<string, string>): Promise<Cut> {
  const disk = await mountVolatileDisk(backing, mountPoint);
  let acknowledged: number;
  try {
    acknowledged = await runAndKill(mountPoint, 20 + Math.floor(Math.random() * 200), env);
    await disk.powerCut();
  } finally {
    await disk.unmount();
  }
  const again = await mountVolatileDisk(backing, mountPoint);
  try {
    const db = openDatabase(locationOf(mountPoint));
    try {
      return { acknowledged, found: survivor(db) };
    } finally {
      db.close();
    }
  } catch (error) {
    return { acknowledged, found: { error: (error as Error).message } };
  } finally {
    await again.unmount();
  }
}

/** The acknowledged save is there and whole; `highest` is the best the disk held before this cut. */
function kept(c: Cut, highest: number): boolean {
  if ('error' in c.found) return false;
  const { integrity, saved, whole } = c.found;
  return integrity === 'ok' && saved !== null && whole && saved >= Math.max(c.acknowledged, highest) && saved <= Math.max(c.acknowledged, highest) + 1;
}

describe('a power cut during autosave', () => {
  const root = mkdtempSync(join(tmpdir(), 'sportello-blackout-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  async function cuts(name: string, env: Record<string, string>, stopAtFirstLoss: boolean) {
    const backing = join(root, `${name}-disco`);
    const mountPoint = join(root, `${name}-dati`);
    mkdirSync(backing);
    mkdirSync(mountPoint);
    const results: { cut: Cut; ok: boolean }[] = [];
    let highest = 0;
    for (let i = 0; i < CUTS; i++) {
      const c = await cut(backing, mountPoint, env);
      const ok = kept(c, highest);
      results.push({ cut: c, ok });
      if ('saved' in c.found && c.found.saved !== null) highest = Math.max(highest, c.found.saved);
      if (!ok && stopAtFirstLoss) break;
    }
    return results;
  }

  it(`keeps every acknowledged save over ${CUTS} cuts with the app's settings`, async () => {
    const results = await cuts('app', {}, false);
    const lost = results.filter((r) => !r.ok).map((r) => JSON.stringify(r.cut));
    expect(lost, 'tagli che hanno perso un salvataggio confermato').toEqual([]);
    expect(results).toHaveLength(CUTS);
    // Saves were really acknowledged across the cuts: the test exercised something.
    expect(Math.max(...results.map((r) => r.cut.acknowledged))).toBeGreaterThan(CUTS);
  }, 600_000);

  it('loses acknowledged saves with synchronous = OFF: the test can fail', async () => {
    const results = await cuts('senza-sync', { SPORTELLO_TEST_SYNCHRONOUS: 'OFF' }, true);
    expect(results.some((r) => !r.ok), `${results.length} tagli senza perdite con synchronous = OFF`).toBe(true);
  }, 600_000);
});
