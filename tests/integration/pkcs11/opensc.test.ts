/**
 * Our PKCS#11 layer over OpenSC's module reading the virtual CNS through pcscd:
 * token found by reader name, login, signature that verifies with the card's
 * certificate, and the card's real retry counter behind the Italian messages.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createInterface } from 'node:readline';
import { createVerify } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Pkcs11Token } from '../../../native/pkcs11/token';
import { createPkcs11Signer } from '../../../native/pkcs11/signer';
import { CardError } from '../../../native/apdu/errors';
import { startPcscd } from '../../rig/pcscd';
import { acquireSlot, type VpcdSlot } from '../../rig/vpcd-slots';

const OPENSC = '/usr/lib/x86_64-linux-gnu/opensc-pkcs11.so';

interface CardProcess {
  readonly certificatePem: string;
  state(): Promise<{ pinTriesLeft: number; pukTriesLeft: number; pinVerified: boolean }>;
  stop(): Promise<void>;
}

let slot: VpcdSlot | undefined;
let cardProcess: CardProcess | undefined;
let token: Pkcs11Token | undefined;

afterEach(async () => {
  token?.close();
  token = undefined;
  await cardProcess?.stop();
  cardProcess = undefined;
  slot?.release();
  slot = undefined;
});

async function startCardProcess(port: number): Promise<CardProcess> {
  const child: ChildProcessWithoutNullStreams = spawn(process.execPath, ['--import', 'tsx', join(__dirname, 'card-process.ts'), String(port)], {
    stdio: 'pipe',
  });
  const lines = createInterface({ input: child.stdout });
  const pending: ((line: string) => void)[] = [];
  lines.on('line', (line) => pending.shift()?.(line));
  const next = () => new Promise<string>((resolve) => pending.push(resolve));
  const ready = JSON.parse(await next()) as { certificatePem: string };
  return {
    certificatePem: ready.certificatePem,
    async state() {
      const line = next();
      child.stdin.write('state\n');
      return JSON.parse(await line);
    },
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.stdin.end();
      }),
  };
}

/** OpenSC notices a new card on its next slot scan; give pcscd a moment. */
async function openToken(readerName: string): Promise<Pkcs11Token> {
  const deadline = Date.now() + 8000;
  for (;;) {
    try {
      return Pkcs11Token.open(OPENSC, { readerName });
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((r) => setTimeout(r, 300));
    }
  }
}

function errorOf(fn: () => unknown): CardError {
  try {
    fn();
  } catch (error) {
    if (error instanceof CardError) return error;
    throw error;
  }
  throw new Error('expected a CardError');
}

describe('PKCS#11 through OpenSC on the virtual CNS', () => {
  it('is installed', () => {
    expect(existsSync(OPENSC), `${OPENSC} missing: apt-get install opensc`).toBe(true);
  });

  it('finds the token by reader, logs in and signs (CKM_SHA256_RSA_PKCS or RSA_PKCS over DigestInfo)', async () => {
    await startPcscd();
    slot = acquireSlot();
    cardProcess = await startCardProcess(slot.port);
    token = await openToken(slot.readerName);
    expect(token.summary().slotDescription).toContain(slot.readerName);
    token.login('12345');
    const data = Buffer.from('istanza al comune');
    const signer = createPkcs11Signer(token);
    const certificate = Buffer.from(await signer.certificate());
    const signature = await signer.signSha256(data);
    expect(createVerify('sha256').update(data).verify(cardProcess.certificatePem, Buffer.from(signature))).toBe(true);
    expect(certificate.length).toBeGreaterThan(500);
  }, 60_000);

  it('maps wrong PINs to the card retry counter and a blocked PIN to "usa il PUK"', async () => {
    await startPcscd();
    slot = acquireSlot();
    cardProcess = await startCardProcess(slot.port);
    token = await openToken(slot.readerName);
    const first = errorOf(() => token!.login('11111'));
    expect(first.code).toBe('pin-errato');
    // OpenSC does not pass the CNS counter through token flags: no count to show here.
    expect(first.message).toMatch(/^PIN errato/);
    expect((await cardProcess.state()).pinTriesLeft).toBe(2);
    errorOf(() => token!.login('11111'));
    const third = errorOf(() => token!.login('11111'));
    expect((await cardProcess.state()).pinTriesLeft).toBe(0);
    // OpenSC's CNS driver reports the last wrong try as CKR_PIN_LOCKED.
    expect(third.message).toBe('PIN bloccato: usa il PUK');
    const blocked = errorOf(() => token!.login('12345'));
    expect(blocked.message).toBe('PIN bloccato: usa il PUK');
  }, 60_000);
});
