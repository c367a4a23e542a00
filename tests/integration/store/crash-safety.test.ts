import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/core/store/database';
import { locationOf } from '../../support/database-location';
import { runAndKill, survivor } from './autosave-run';

const RUNS = 50;

describe('crash safety of autosave', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'sportello-crash-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it(`survives ${RUNS} SIGKILLs at random moments with the last acknowledged save intact`, async () => {
    let highest = 0;
    for (let run = 0; run < RUNS; run++) {
      const acknowledged = await runAndKill(dataDir, Math.floor(Math.random() * 120));
      const db = openDatabase(locationOf(dataDir));
      try {
        const found = survivor(db);
        expect(found.integrity, `run ${run}`).toBe('ok');
        expect(found.saved, `run ${run}`).not.toBeNull();
        const saved = found.saved!;
        // The save that was running at the kill may or may not have landed; an acknowledged one must have.
        // A run killed before its first acknowledgement still starts from the previous run's save.
        const floor = Math.max(acknowledged, highest);
        expect(saved, `run ${run}: acknowledged ${acknowledged}`).toBeGreaterThanOrEqual(floor);
        expect(saved, `run ${run}`).toBeLessThanOrEqual(floor + 1);
        expect(found.revision).toBe(saved);
        expect(found.whole, `run ${run}`).toBe(true);
        highest = Math.max(highest, saved);
      } finally {
        db.close();
      }
    }
    expect(highest).toBeGreaterThan(RUNS);
  }, 240_000);
});
