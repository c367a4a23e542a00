import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/core/store/database';
import { locationOf } from '../../support/database-location';
import { createPraticheRepo } from '../../../electron/core/store/pratiche-repo';

const RUNS = 50;
const CHILD = join(__dirname, 'autosave-child.ts');
const CF = 'RSSNNA80A41H501X';
const ID = '00000000-0000-4000-8000-00000000c0de';

/** Starts the autosaving child, kills it with SIGKILL `delayMs` after it is ready, returns the last acknowledged save. */
function runAndKill(dataDir: string, delayMs: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, dataDir], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let timer: NodeJS.Timeout | undefined;
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (!timer && out.startsWith('ready\n')) timer = setTimeout(() => child.kill('SIGKILL'), delayMs);
    });
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (_code, signal) => {
      if (signal !== 'SIGKILL') return reject(new Error(`il processo di salvataggio è uscito da solo: ${err.slice(0, 500)}`));
      const complete = out.slice(0, out.lastIndexOf('\n') + 1).split('\n').filter((l) => /^\d+$/.test(l));
      resolve(complete.length > 0 ? Number(complete.at(-1)) : 0);
    });
  });
}

describe('crash safety of autosave', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'sportello-crash-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it(`survives ${RUNS} SIGKILLs at random moments with the last acknowledged save intact`, async () => {
    let highest = 0;
    for (let run = 0; run < RUNS; run++) {
      const acknowledged = await runAndKill(dataDir, Math.floor(Math.random() * 120));
      const db = openDatabase(locationOf(dataDir));
      try {
        expect(db.pragma('integrity_check', { simple: true }), `run ${run}`).toBe('ok');
        const pratica = createPraticheRepo(db).get(ID, CF);
        expect(pratica, `run ${run}`).toBeDefined();
        const saved = (pratica!.data as { counter?: number }).counter ?? 0;
        // The save that was running at the kill may or may not have landed; an acknowledged one must have.
        // A run killed before its first acknowledgement still starts from the previous run's save.
        const floor = Math.max(acknowledged, highest);
        expect(saved, `run ${run}: acknowledged ${acknowledged}`).toBeGreaterThanOrEqual(floor);
        expect(saved, `run ${run}`).toBeLessThanOrEqual(floor + 1);
        expect(pratica!.revision).toBe(saved);
        if (saved > 0) expect(pratica!.data[`campo_49`]).toBe(`valore 49 del salvataggio ${saved}`);
        highest = Math.max(highest, saved);
      } finally {
        db.close();
      }
    }
    expect(highest).toBeGreaterThan(RUNS);
  }, 240_000);
});
