/**
 * A disk that can lose power (tests/rig/volatile-fs.py, a FUSE file system on Debian's
 * python3-fusepy): what was written but not fsynced is lost at `powerCut()`, as from a real
 * disk's cache. Needs /dev/fuse and root (CI has both: .ci/run installs python3-fusepy).
 */
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const RIG = join(__dirname, '../rig/volatile-fs.py');
const PYTHON = '/usr/bin/python3';

export interface VolatileDisk {
  /** The power goes: unsynced writes are dropped. The writers must be dead already. */
  powerCut(): Promise<void>;
  unmount(): Promise<void>;
}

function waitForLine(child: ChildProcess, line: string, what: string): Promise<void> {
  return new Promise((resolve, reject) => {
    let out = '';
    const settle = (error?: Error) => {
      clearTimeout(timer);
      child.stdout?.off('data', onData);
      child.off('exit', onExit);
      if (error) reject(error);
      else resolve();
    };
    const timer = setTimeout(() => settle(new Error(`${what}: nessuna risposta dal disco volatile in 10 s (${out.slice(-300)})`)), 10_000);
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      if (out.split('\n').includes(line)) settle();
    };
    const onExit = (code: number | null) => settle(new Error(`${what}: il disco volatile è uscito (${code}): ${out.slice(-500)}`));
    child.stdout?.on('data', onData);
    child.once('exit', onExit);
  });
}

/** The rig's own requirements, said plainly when one is missing. */
function volatileDiskProblem(): string | null {
  if (!existsSync('/dev/fuse')) return 'manca /dev/fuse: il test del blackout ha bisogno di FUSE';
  if (!existsSync('/usr/lib/python3/dist-packages/fusepy.py')) return 'manca python3-fusepy (apt install python3-fusepy fuse3, come fa .ci/run)';
  return null;
}

export async function mountVolatileDisk(backing: string, mountPoint: string): Promise<VolatileDisk> {
  const problem = volatileDiskProblem();
  if (problem) throw new Error(problem);
  const child = spawn(PYTHON, [RIG, backing, mountPoint], { stdio: ['pipe', 'pipe', 'pipe'] });
  let errors = '';
  child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
  // A write to a rig that has died must fail the wait below, not end the test process (EPIPE).
  child.stdin.on('error', (error) => (errors += String(error)));
  await waitForLine(child, 'montato', 'montaggio').catch((error: Error) => {
    child.kill('SIGKILL');
    throw new Error(`${error.message} ${errors.slice(-500)}`);
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    async powerCut() {
      const done = waitForLine(child, 'interrotto', 'blackout');
      child.stdin?.write('interrompi\n');
      await done;
    },
    async unmount() {
      execFileSync('umount', [mountPoint]);
      await exited;
    },
  };
}
