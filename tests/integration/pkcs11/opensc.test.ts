/**
 * Our PKCS#11 layer over OpenSC's module reading the virtual CNS through pcscd:
 * token found by reader name, login, signature that verifies with the card's
 * certificate, and the card's real retry counter behind the Italian messages.
 *
 * OpenSC's token flags carry no tries for a CNS, so `verifyPin` asks the card over
 * PC/SC beside the module (statoPinPcsc). What reached the card is read on the card's
 * side (card-process.ts "apdus"): the headers of every command it received.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createInterface } from 'node:readline';
import { createVerify, X509Certificate } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Pkcs11Token, type TokenOptions } from '../../../native/pkcs11/token';
import { createPkcs11Signer } from '../../../native/pkcs11/signer';
import { CKF_USER_PIN_LOCKED } from '../../../native/pkcs11/ckr';
import { statoPinPcsc } from '../../../electron/adapters/demo/stato-pin-pcsc';
import { firmaConCartaVirtuale } from '../../../electron/adapters/demo/carta-virtuale-demo';
import { startPcscd } from '../../rig/pcscd';
import { acquireSlot, type VpcdSlot } from '../../rig/vpcd-slots';
import type { ApduHeader } from './card-process';
import { cardErrorOf, cardErrorThrownBy } from '../../support/card-error';

const OPENSC = '/usr/lib/x86_64-linux-gnu/opensc-pkcs11.so';
// Read by OpenSC when its module is initialised in this process: a slot for each of the rig's readers.
process.env.OPENSC_CONF ??= join(__dirname, '..', '..', 'rig', 'opensc.conf');

type PinState = { pinTriesLeft: number; pukTriesLeft: number; pinVerified: boolean };

interface CardProcess {
  readonly certificatePem: string;
  state(): Promise<PinState>;
  /** Headers of the commands the card received since the last call. */
  apdus(): Promise<ApduHeader[]>;
  /** Spends every PIN try on the card itself, as a card blocked before it came to this reader. */
  blockPin(): Promise<PinState>;
  stop(): Promise<void>;
}

const VERIFY = 0x20;
/** A VERIFY carrying a PIN (a VERIFY with no data only asks the tries left). */
const pinVerifies = (apdus: ApduHeader[]) => apdus.filter((a) => a.ins === VERIFY && a.dataLength > 0);

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
  const ask = async <T>(command: string): Promise<T> => {
    const line = next();
    child.stdin.write(`${command}\n`);
    return JSON.parse(await line) as T;
  };
  const ready = JSON.parse(await next()) as { certificatePem: string };
  return {
    certificatePem: ready.certificatePem,
    state: () => ask('state'),
    apdus: () => ask('apdus'),
    blockPin: () => ask('block-pin'),
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.stdin.end();
      }),
  };
}

/** OpenSC notices a new card on its next slot scan; give pcscd a moment. */
async function openToken(readerName: string, options: TokenOptions = {}): Promise<Pkcs11Token> {
  const deadline = Date.now() + 8000;
  for (;;) {
    try {
      return Pkcs11Token.open(OPENSC, { readerName }, options);
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((r) => setTimeout(r, 300));
    }
  }
}

/** The virtual CNS in its own reader, seen by OpenSC, with the card's PIN counter asked over PC/SC. */
async function cardWithPinStatus(): Promise<{ card: CardProcess; token: Pkcs11Token; readerName: string }> {
  await startPcscd();
  slot = acquireSlot();
  cardProcess = await startCardProcess(slot.port);
  token = await openToken(slot.readerName, { pinStatus: statoPinPcsc() });
  await cardProcess.apdus(); // what OpenSC read to list the token: not this test's business
  return { card: cardProcess, token, readerName: slot.readerName };
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
    const first = cardErrorThrownBy(() => token!.login('11111'));
    expect(first.code).toBe('pin-errato');
    // OpenSC does not pass the CNS counter through token flags: no count to show here.
    expect(first.message).toMatch(/^PIN errato/);
    expect((await cardProcess.state()).pinTriesLeft).toBe(2);
    cardErrorThrownBy(() => token!.login('11111'));
    const third = cardErrorThrownBy(() => token!.login('11111'));
    expect((await cardProcess.state()).pinTriesLeft).toBe(0);
    // OpenSC's CNS driver reports the last wrong try as CKR_PIN_LOCKED.
    expect(third.message).toBe('PIN bloccato: usa il PUK');
    const blocked = cardErrorThrownBy(() => token!.login('12345'));
    expect(blocked.message).toBe('PIN bloccato: usa il PUK');
  }, 60_000);

  it('reports a wrong PIN with the tries the card says are left, exactly like the PC/SC path, and then signs', async () => {
    const { card, token: t } = await cardWithPinStatus();
    const first = await cardErrorOf(t.verifyPin('11111'));
    expect({ code: first.code, message: first.message, triesLeft: first.triesLeft }).toEqual({
      code: 'pin-errato',
      message: 'PIN errato: 2 tentativi rimasti',
      triesLeft: 2,
    });
    expect((await card.state()).pinTriesLeft).toBe(2);
    // The person's one VERIFY, and our status queries around it that spend nothing.
    expect(pinVerifies(await card.apdus())).toHaveLength(1);
    const second = await cardErrorOf(t.verifyPin('22222'));
    expect(second.message).toBe('PIN errato: 1 tentativo rimasto');
    // The status query on a shared connection left OpenSC's session as it was: the right PIN logs in and signs.
    await t.verifyPin('12345');
    expect((await card.state()).pinTriesLeft).toBe(3);
    const data = Buffer.from('istanza al comune');
    const signature = await createPkcs11Signer(t).signSha256(data);
    expect(createVerify('sha256').update(data).verify(card.certificatePem, Buffer.from(signature))).toBe(true);
  }, 60_000);

  it('refuses a blocked card before any PIN reaches it: no VERIFY with a PIN on the card side, the blocked error', async () => {
    const { card, token: t } = await cardWithPinStatus();
    expect((await card.blockPin()).pinTriesLeft).toBe(0);
    const refused = await cardErrorOf(t.verifyPin('12345'));
    expect({ code: refused.code, message: refused.message }).toEqual({ code: 'pin-bloccato', message: 'PIN bloccato: usa il PUK' });
    const seen = await card.apdus();
    expect(pinVerifies(seen)).toEqual([]);
    // What reached the card was the status query: VERIFY with no data (on STIncard's 0x90).
    expect(seen.filter((a) => a.ins === VERIFY)).toEqual([{ ins: VERIFY, p1: 0, p2: 0x90, dataLength: 0 }]);
    expect(await card.state()).toEqual({ pinTriesLeft: 0, pukTriesLeft: 3, pinVerified: false });
  }, 60_000);

  it('lets a fresh card log in although OpenSC flags it as locked (the card is asked, not the flags)', async () => {
    const { card, token: t } = await cardWithPinStatus();
    // OpenSC's itacns has never asked this card its counter: it reports CKF_USER_PIN_LOCKED.
    expect(t.summary().flags & CKF_USER_PIN_LOCKED).not.toBe(0);
    await t.verifyPin('12345');
    expect(pinVerifies(await card.apdus())).toHaveLength(1);
    expect((await card.state()).pinVerified).toBe(true);
  }, 60_000);
});

describe('the demo signing with the virtual CNS (documents sample)', () => {
  it('opens the configured module, asks the card its PIN status and signs', async () => {
    await startPcscd();
    slot = acquireSlot();
    const firma = await firmaConCartaVirtuale(slot.port, slot.readerName, OPENSC);
    try {
      const data = Buffer.from('modulo della pratica');
      const certificate = new X509Certificate(Buffer.from(await firma.signer.certificate()));
      const signature = await firma.signer.signSha256(data);
      expect(createVerify('sha256').update(data).verify(certificate.publicKey, Buffer.from(signature))).toBe(true);
    } finally {
      await firma.chiudi();
    }
  }, 60_000);
});
