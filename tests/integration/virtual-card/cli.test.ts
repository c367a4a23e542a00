/**
 * The demo CLI, run as a trainer would: it inserts the card into the slot's reader,
 * obeys remove / status / insert on stdin and quits cleanly.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { VpcdSlot } from '../../rig/vpcd-slots';
import { eventually, runTool, waitForSlot } from './tools';

const ROOT = join(__dirname, '..', '..', '..');

function waitForOutput(pattern: RegExp, seen: { text: string }): Promise<void> {
  return eventually(async () => pattern.test(seen.text), `CLI output ${pattern}`, 20_000);
}

describe('virtual-card CLI', () => {
  let slot: VpcdSlot | undefined;
  let child: ChildProcessWithoutNullStreams | undefined;

  afterEach(() => {
    if (child && child.exitCode === null) child.kill('SIGTERM');
    slot?.release();
  });

  it('emulates a CNS in the given reader and follows stdin commands', async () => {
    slot = await waitForSlot();
    const seen = { text: '' };
    child = spawn(join(ROOT, 'node_modules', '.bin', 'tsx'), ['native/virtual-card/cli.ts', '--port', String(slot.port), '--cf', 'VRDGPP80A01F205X', '--name', 'GIUSEPPE VERDI'], {
      cwd: ROOT,
    });
    child.stdout.on('data', (d: Buffer) => (seen.text += d.toString()));
    child.stderr.on('data', (d: Buffer) => (seen.text += d.toString()));
    await waitForOutput(/CNS virtuale sulla porta vpcd/, seen);
    expect(seen.text).toContain('GIUSEPPE VERDI, VRDGPP80A01F205X');
    expect(seen.text).toContain('3B FF 18 00 FF 81 31 FE 55 00 6B 02 09 16 17 01 11 01 43 4E 53 11 31 80 8D');
    const readerName = slot.readerName;
    await eventually(async () => (await runTool('opensc-tool', ['--reader', readerName, '--atr'])).code === 0, 'card in the reader');

    child.stdin.write('remove\n');
    await waitForOutput(/carta estratta/, seen);
    await eventually(async () => (await runTool('opensc-tool', ['--reader', readerName, '--atr'])).code !== 0, 'card out of the reader');
    child.stdin.write('status\n');
    await waitForOutput(/carta estratta; tentativi PIN 3\/3, PUK 3\/3/, seen);
    child.stdin.write('insert\n');
    await waitForOutput(/carta inserita/, seen);
    await eventually(async () => (await runTool('opensc-tool', ['--reader', readerName, '--atr'])).code === 0, 'card back in the reader');

    const exited = new Promise<number | null>((r) => child!.once('exit', (code) => r(code)));
    child.stdin.write('quit\n');
    expect(await exited).toBe(0);
  });

  it('refuses a malformed PIN with a clear message', async () => {
    const result = await runTool(join(ROOT, 'node_modules', '.bin', 'tsx'), ['native/virtual-card/cli.ts', '--pin', '12'], {});
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('il PIN deve avere da 5 a 8 cifre');
  });
});
