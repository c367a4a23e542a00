/**
 * Drives the autosaving child (autosave-child.ts): started on a data directory, killed with
 * SIGKILL a while after it is ready; and reads back what survived. Shared by the crash test
 * (a process killed) and the power-cut test (a disk that loses what was not synced).
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import type { Db } from '../../../electron/core/store/database';
import { createPraticheRepo } from '../../../electron/core/store/pratiche-repo';

const CHILD = join(__dirname, 'autosave-child.ts');
const CF = 'RSSNNA80A41H501X';
const ID = '00000000-0000-4000-8000-00000000c0de';

/** Starts the child, kills it `delayMs` after it is ready, returns the last acknowledged save. */
export function runAndKill(dataDir: string, delayMs: number, env: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, dataDir], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
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

export interface Survivor {
  integrity: string;
  /** The counter of the save found, or null when the pratica itself is gone. */
  saved: number | null;
  revision: number | null;
  /** The save's last field matches its counter (the row is whole). */
  whole: boolean;
}

/** What the database holds of the child's pratica; never throws for a damaged file (that is a finding). */
export function survivor(db: Db): Survivor {
  const integrity = String(db.pragma('integrity_check', { simple: true }));
  const pratica = createPraticheRepo(db).get(ID, CF);
  if (!pratica) return { integrity, saved: null, revision: null, whole: false };
  const saved = (pratica.data as { counter?: number }).counter ?? 0;
  return { integrity, saved, revision: pratica.revision, whole: saved === 0 || pratica.data['campo_49'] === `valore 49 del salvataggio ${saved}` };
}
