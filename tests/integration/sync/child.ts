/** Starting the syncing process as a real child process (tsx), as the SIGKILL test and the benchmark do. */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '../../..');

export interface SyncChild {
  process: ChildProcess;
  /** Resolves when the child has opened its database. */
  ready: Promise<void>;
  /** Exit code (null when killed by a signal) and everything it printed. */
  done: Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>;
}

export function startSyncChild(dataDir: string, portalUrl: string, extra: string[] = []): SyncChild {
  const child = spawn(process.execPath, ['--import', 'tsx', join(__dirname, 'sync-child.ts'), dataDir, portalUrl, ...extra], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  let markReady: () => void = () => {};
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  child.stdout.on('data', (d: Buffer) => {
    stdout += d.toString();
    if (stdout.includes('pronto\n')) markReady();
  });
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>((resolve) =>
    child.on('exit', (code, signal) => {
      markReady();
      resolve({ code, signal, stdout, stderr });
    }),
  );
  return { process: child, ready, done };
}
