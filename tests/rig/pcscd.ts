/**
 * Starts the PC/SC daemon the tests talk to, when none runs.
 *
 * Debian's pcscd always listens on /run/pcscd/pcscd.comm, so only one can run on a
 * machine: every test shares it and gets a virtual reader of its own (see vpcd-slots.ts).
 * We start it in the foreground with `-c` pointing at our own reader config, which
 * declares the vpcd ports the slots use, and stop only the process we started.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, openSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { isOurReaderConfig, prepareReaderConfig } from './vpcd-readers';
import { slotsHeldByOthers } from './vpcd-slots';

export const PCSCD_SOCKET = '/run/pcscd/pcscd.comm';
export const READER_CONFIG_DIR = join(__dirname, 'reader.conf.d');

export interface PcscdHandle {
  /** PID of the daemon we started; undefined when one was already running. */
  readonly pid: number | undefined;
  stop(): Promise<void>;
}

export function pcscdAvailable(): boolean {
  return existsSync('/usr/sbin/pcscd') && existsSync('/usr/lib/pcsc/drivers/serial/libifdvpcd.so');
}

export function runningPcscdPids(): number[] {
  const out = spawnSync('pgrep', ['-x', 'pcscd'], { encoding: 'utf8' });
  return out.stdout
    .split('\n')
    .map((l) => Number.parseInt(l, 10))
    .filter((n) => Number.isInteger(n));
}

async function waitFor(predicate: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (predicate()) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return predicate();
}

/** A pcscd serves our slots when it was started with `-c` on a copy of our reader config (any checkout). */
function hasOurReaders(pid: number): boolean {
  const args = spawnSync('cat', [`/proc/${pid}/cmdline`], { encoding: 'utf8' }).stdout.split('\0');
  const dir = args[args.indexOf('-c') + 1];
  if (!args.includes('-c') || !dir) return false;
  return isOurReaderConfig(dir);
}

/**
 * Ensures a pcscd with the tests' reader config runs. Throws with a loud message
 * when pcscd or the vpcd driver is missing (run `.ci/run` or install them).
 */
export async function startPcscd(): Promise<PcscdHandle> {
  if (!pcscdAvailable()) {
    throw new Error('pcscd or vsmartcard-vpcd is not installed: the card tests cannot run (apt-get install pcscd vsmartcard-vpcd)');
  }
  const running = runningPcscdPids();
  const foreign = running.filter((pid) => !hasOurReaders(pid));
  if (foreign.length > 0) {
    throw new Error(
      `a pcscd without the tests' reader config runs (pid ${foreign.join(',')}): stop it first, only one pcscd can run per machine`,
    );
  }
  if (running.length > 0) return { pid: undefined, stop: async () => {} };

  mkdirSync('/run/pcscd', { recursive: true });
  const logFile = openSync(join(tmpdir(), 'sportello-pcscd.log'), 'a');
  const child: ChildProcess = spawn('/usr/sbin/pcscd', ['-f', '-c', prepareReaderConfig()], {
    stdio: ['ignore', logFile, logFile],
    detached: true,
  });
  child.unref();
  const pid = child.pid;
  if (pid === undefined) throw new Error('pcscd did not start');
  const up = await waitFor(() => existsSync(PCSCD_SOCKET), 5000);
  if (!up) throw new Error(`pcscd (pid ${pid}) did not open ${PCSCD_SOCKET} within 5 s; see ${join(tmpdir(), 'sportello-pcscd.log')}`);
  return {
    pid,
    stop: () => stopPid(pid),
  };
}

export async function stopPid(pid: number): Promise<void> {
  try {
    process.kill(pid, 'SIGTERM');
  } catch {
    return;
  }
  const gone = await waitFor(() => !existsSync(`/proc/${pid}`) || isZombie(pid), 5000);
  if (!gone) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      /* already gone */
    }
  }
}

function isZombie(pid: number): boolean {
  const stat = spawnSync('cat', [`/proc/${pid}/stat`], { encoding: 'utf8' }).stdout;
  return stat.split(' ')[2] === 'Z';
}

/**
 * Stops every pcscd running with the tests' reader config (whoever started it),
 * so a test can check that the app survives losing the daemon. Other test files
 * sharing the daemon see their readers vanish meanwhile: keep the outage short.
 */
export async function stopPcscd(): Promise<void> {
  for (const pid of runningPcscdPids()) {
    if (hasOurReaders(pid)) await stopPid(pid);
  }
  await waitFor(() => runningPcscdPids().length === 0, 5000);
  // A daemon killed hard leaves its socket behind; startPcscd waits for a fresh one.
  if (existsSync(PCSCD_SOCKET) && runningPcscdPids().length === 0) unlinkSync(PCSCD_SOCKET);
}

/** Kills the shared pcscd and starts a new one; resolves once the new one listens. */
export async function restartPcscd(downMs = 0): Promise<PcscdHandle> {
  await stopPcscd();
  if (downMs > 0) await new Promise((r) => setTimeout(r, downMs));
  return startPcscd();
}

/**
 * The daemon for a whole test run (vitest's or Playwright's global setup). When no pcscd
 * ran before the run, the run owns the daemon: its teardown stops every pcscd with our
 * reader config, including one a test restarted (restartPcscd gives it a new pid), so
 * nothing the run started is left behind. A daemon that was already running, or that
 * another live test run still uses a reader of, is left alone.
 */
export async function startPcscdForRun(): Promise<{ stop(): Promise<void> }> {
  const ranBefore = runningPcscdPids().length > 0;
  await startPcscd();
  return {
    stop: async () => {
      if (ranBefore || slotsHeldByOthers()) return;
      await stopPcscd();
    },
  };
}
