/**
 * FIDELITY: OpenSC, unchanged, reads the virtual CNS through the real pcscd as it
 * reads a real card: the itacns driver is chosen by ATR, pkcs15-tool lists the
 * certificate, and pkcs11-tool logs in and signs with SHA256-RSA-PKCS; the
 * signature verifies with the certificate's public key.
 */
import { createVerify, X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { VpcdSlot } from '../../rig/vpcd-slots';
import { CNS_ATRS, startVirtualCns, type VirtualCnsHandle } from '../../../native/virtual-card';
import { OPENSC_ENV, OPENSC_PKCS11, pkcs11SlotFor, runTool, waitForSlot } from './tools';

// OpenSC's PKCS#11 module connects to the card in every reader and runs each card
// driver's probe on it (40 ms per APDU over vpcd): slow when other tests' cards sit
// in the other readers, hence the long timeouts.
const SLOW = 120_000;

describe('OpenSC against the virtual CNS', () => {
  let slot: VpcdSlot;
  let cns: VirtualCnsHandle | undefined;
  let dir: string;

  beforeEach(async () => {
    slot = await waitForSlot();
    dir = mkdtempSync(join(tmpdir(), 'virtual-cns-'));
  });
  afterEach(async () => {
    await cns?.stop();
    // A failed beforeEach leaves the previous (released) slot: releasing twice is harmless.
    slot?.release();
    rmSync(dir, { recursive: true, force: true });
  });

  async function insertedCns(options: Parameters<typeof startVirtualCns>[0]): Promise<VirtualCnsHandle> {
    const handle = await startVirtualCns(options);
    // startVirtualCns resolves once pcscd powered the card: it must be visible right away.
    const seen = await runTool('opensc-tool', ['--reader', slot.readerName, '--atr']);
    expect(seen.code, seen.stderr).toBe(0);
    return handle;
  }

  it('is recognised by the itacns driver and its certificate is listed and read back intact', async () => {
    cns = await insertedCns({ port: slot.port });
    const atr = await runTool('opensc-tool', ['--reader', slot.readerName, '--atr']);
    expect(atr.stdout.trim().toUpperCase()).toBe(CNS_ATRS['ts-cns-v1.1-st'].replace(/ /g, ':'));
    const name = await runTool('opensc-tool', ['--reader', slot.readerName, '--name'], { env: OPENSC_ENV, timeoutMs: 60_000 });
    expect(name.stdout.trim()).toBe('CNS card');

    const listed = await runTool('pkcs15-tool', ['--reader', slot.readerName, '--list-certificates'], { env: OPENSC_ENV, timeoutMs: 60_000 });
    expect(listed.code, listed.stderr).toBe(0);
    expect(listed.stdout).toContain('X.509 Certificate [CNS0]');
    expect(listed.stdout).toContain('Path           : 3f0011001101');

    const read = await runTool('pkcs15-tool', ['--reader', slot.readerName, '--read-certificate', '01'], { env: OPENSC_ENV, timeoutMs: 60_000 });
    expect(read.code, read.stderr).toBe(0);
    expect(new X509Certificate(read.stdout).fingerprint256).toBe(new X509Certificate(cns.certificatePem).fingerprint256);
  }, SLOW);

  it('logs in and signs with SHA256-RSA-PKCS through opensc-pkcs11.so; the signature verifies', async () => {
    cns = await insertedCns({ port: slot.port });
    const slotId = await pkcs11SlotFor(slot.readerName);
    const input = join(dir, 'modulo.txt');
    const output = join(dir, 'modulo.sig');
    writeFileSync(input, 'Domanda di iscrizione al nido, pratica 2026/42');
    const sign = await runTool(
      'pkcs11-tool',
      ['--module', OPENSC_PKCS11, '--slot', String(slotId), '--login', '--pin', '12345', '--sign', '--mechanism', 'SHA256-RSA-PKCS', '-i', input, '-o', output],
      { env: OPENSC_ENV, timeoutMs: 60_000 },
    );
    expect(sign.code, sign.stderr).toBe(0);
    const signature = readFileSync(output);
    expect(signature.length).toBe(256);
    const publicKey = new X509Certificate(cns.certificatePem).publicKey;
    expect(createVerify('sha256').update(readFileSync(input)).verify(publicKey, signature)).toBe(true);
    expect(cns.state.pinTriesLeft).toBe(3);
  }, SLOW);

  it('counts a wrong PIN given to OpenSC and unblocks with the PUK the way pkcs15-tool sends it', async () => {
    cns = await insertedCns({ port: slot.port });
    const slotId = await pkcs11SlotFor(slot.readerName);
    const wrong = await runTool('pkcs11-tool', ['--module', OPENSC_PKCS11, '--slot', String(slotId), '--login', '--pin', '99999', '--list-objects'], {
      env: OPENSC_ENV,
      timeoutMs: 60_000,
    });
    expect(wrong.code).not.toBe(0);
    expect(wrong.stderr + wrong.stdout).toMatch(/CKR_PIN_INCORRECT/);
    expect(cns.state.pinTriesLeft).toBe(2);

    const unblock = await runTool(
      'pkcs15-tool',
      ['--reader', slot.readerName, '--unblock-pin', '--auth-id', '01', '--puk', '12345678', '--new-pin', '54321'],
      { env: OPENSC_ENV, timeoutMs: 60_000 },
    );
    expect(unblock.code, unblock.stderr + unblock.stdout).toBe(0);
    expect(cns.state).toEqual({ pinTriesLeft: 3, pukTriesLeft: 3, pinVerified: false });
    const verify = await runTool('pkcs15-tool', ['--reader', slot.readerName, '--verify-pin', '--auth-id', '01', '--pin', '54321'], { env: OPENSC_ENV, timeoutMs: 60_000 });
    expect(verify.code, verify.stderr + verify.stdout).toBe(0);
  }, SLOW);

  it('presents another ATR of the table when asked (1024-bit keys for CNS 1.0)', async () => {
    cns = await insertedCns({ port: slot.port, atr: 'crs-lombardia-siemens', serial: '4000000000000004' });
    const atr = await runTool('opensc-tool', ['--reader', slot.readerName, '--atr']);
    expect(atr.stdout.trim().toUpperCase()).toBe(CNS_ATRS['crs-lombardia-siemens'].replace(/ /g, ':'));
    const listed = await runTool('pkcs15-tool', ['--reader', slot.readerName, '--list-certificates'], { env: OPENSC_ENV, timeoutMs: 60_000 });
    expect(listed.stdout).toContain('X.509 Certificate [CNS0]');
  }, SLOW);
});
