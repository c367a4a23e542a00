/**
 * Runs the PC/SC and OpenSC command-line tools the way a user would, asynchronously:
 * the emulated card answers from this same process, so a blocking spawn would hang it.
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { acquireSlot, type VpcdSlot } from '../../rig/vpcd-slots';

export interface ToolResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export function runTool(
  command: string,
  args: readonly string[],
  options: { timeoutMs?: number; env?: NodeJS.ProcessEnv } = {},
): Promise<ToolResult> {
  return new Promise((resolve) => {
    execFile(
      command,
      args,
      { timeout: options.timeoutMs ?? 20_000, env: { ...process.env, ...options.env }, encoding: 'utf8' },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

/** Polls `probe` until it returns true; fails with `what` after the timeout. */
export async function eventually(probe: () => Promise<boolean>, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await probe()) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`timed out waiting for: ${what}`);
}

export const OPENSC_PKCS11 = '/usr/lib/x86_64-linux-gnu/opensc-pkcs11.so';
/** See the comment in the file: gives every rig reader its own PKCS#11 slot. */
export const OPENSC_ENV = { OPENSC_CONF: join(__dirname, '..', '..', 'rig', 'opensc.conf') };

/** The PKCS#11 slot id OpenSC gives the reader called `readerName`. */
export async function pkcs11SlotFor(readerName: string): Promise<number> {
  const list = await runTool('pkcs11-tool', ['--module', OPENSC_PKCS11, '--list-slots'], { env: OPENSC_ENV, timeoutMs: 60_000 });
  const line = list.stdout.split('\n').find((l) => l.endsWith(`: ${readerName}`));
  const id = line && /\(0x([0-9a-f]+)\)/i.exec(line)?.[1];
  if (!id) throw new Error(`no PKCS#11 slot for ${readerName} in:\n${list.stdout}\n${list.stderr}`);
  return Number.parseInt(id, 16);
}

/**
 * A rig slot, waiting while all are taken: the 16 readers are shared by every test
 * file running on the machine, and a burst of card tests can hold them all briefly.
 */
export async function waitForSlot(timeoutMs = 60_000): Promise<VpcdSlot> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return acquireSlot();
    } catch (error) {
      if (Date.now() >= deadline) throw error;
      await new Promise((r) => setTimeout(r, 250));
    }
  }
}
