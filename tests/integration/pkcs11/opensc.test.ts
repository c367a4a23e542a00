/**
 * Our PKCS#11 layer over OpenSC's module reading the virtual CNS through pcscd:
 * token found by reader name, login, signature that verifies with the card's
 * certificate, and the card's real retry counter behind the Italian messages.
 *
 * OpenSC's token flags carry no tries for a CNS, so `verifyPin` asks the card over
 * PC/SC beside the module (statoPinPcsc). What reached the card is read on the card's
 * side (carta-in-processo.ts's `apdus`): the headers of every command it received.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createVerify, X509Certificate } from 'node:crypto';
import { existsSync } from 'node:fs';
import type { Pkcs11Token } from '../../../native/pkcs11/token';
import { createPkcs11Signer } from '../../../native/pkcs11/signer';
import { CKF_USER_PIN_LOCKED } from '../../../native/pkcs11/ckr';
import { statoPinPcsc } from '../../../electron/adapters/demo/stato-pin-pcsc';
import { firmaConCartaVirtuale } from '../../../electron/adapters/demo/carta-virtuale-demo';
import { startPcscd } from '../../rig/pcscd';
import { acquireSlot, type VpcdSlot } from '../../rig/vpcd-slots';
import { avviaCartaInProcesso, type ApduHeader, type CartaInProcesso } from '../../../electron/adapters/demo/carta-in-processo';
import { apriTokenOpensc, CONFIGURAZIONE_OPENSC, MODULO_OPENSC } from '../../fixtures/documents/carta-virtuale';
import { cardErrorOf, cardErrorThrownBy } from '../../support/card-error';

// Read by OpenSC when its module is initialised in this process: a slot for each of the rig's readers.
process.env.OPENSC_CONF ??= CONFIGURAZIONE_OPENSC;

const VERIFY = 0x20;
/** A VERIFY carrying a PIN (a VERIFY with no data only asks the tries left). */
const pinVerifies = (apdus: ApduHeader[]) => apdus.filter((a) => a.ins === VERIFY && a.dataLength > 0);

let slot: VpcdSlot | undefined;
let cardProcess: CartaInProcesso | undefined;
let token: Pkcs11Token | undefined;

afterEach(async () => {
  token?.close();
  token = undefined;
  await cardProcess?.ferma();
  cardProcess = undefined;
  slot?.release();
  slot = undefined;
});

/** The virtual CNS in its own reader, seen by OpenSC, with the card's PIN counter asked over PC/SC. */
async function cardWithPinStatus(): Promise<{ card: CartaInProcesso; token: Pkcs11Token; readerName: string }> {
  await startPcscd();
  slot = acquireSlot();
  cardProcess = await avviaCartaInProcesso(slot.port);
  token = await apriTokenOpensc(slot.readerName, { pinStatus: statoPinPcsc() });
  await cardProcess.apdus(); // what OpenSC read to list the token: not this test's business
  return { card: cardProcess, token, readerName: slot.readerName };
}

describe('PKCS#11 through OpenSC on the virtual CNS', () => {
  it('is installed', () => {
    expect(existsSync(MODULO_OPENSC), `${MODULO_OPENSC} missing: apt-get install opensc`).toBe(true);
  });

  it('finds the token by reader, logs in and signs (CKM_SHA256_RSA_PKCS or RSA_PKCS over DigestInfo)', async () => {
    await startPcscd();
    slot = acquireSlot();
    cardProcess = await avviaCartaInProcesso(slot.port);
    token = await apriTokenOpensc(slot.readerName);
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
    cardProcess = await avviaCartaInProcesso(slot.port);
    token = await apriTokenOpensc(slot.readerName);
    const first = cardErrorThrownBy(() => token!.login('11111'));
    expect(first.code).toBe('pin-errato');
    // OpenSC does not pass the CNS counter through token flags: no count to show here.
    expect(first.message).toMatch(/^PIN errato/);
    expect((await cardProcess.stato()).pinTriesLeft).toBe(2);
    cardErrorThrownBy(() => token!.login('11111'));
    const third = cardErrorThrownBy(() => token!.login('11111'));
    expect((await cardProcess.stato()).pinTriesLeft).toBe(0);
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
    expect((await card.stato()).pinTriesLeft).toBe(2);
    // The person's one VERIFY, and our status queries around it that spend nothing.
    expect(pinVerifies(await card.apdus())).toHaveLength(1);
    const second = await cardErrorOf(t.verifyPin('22222'));
    expect(second.message).toBe('PIN errato: 1 tentativo rimasto');
    // The status query on a shared connection left OpenSC's session as it was: the right PIN logs in and signs.
    await t.verifyPin('12345');
    expect((await card.stato()).pinTriesLeft).toBe(3);
    const data = Buffer.from('istanza al comune');
    const signature = await createPkcs11Signer(t).signSha256(data);
    expect(createVerify('sha256').update(data).verify(card.certificatePem, Buffer.from(signature))).toBe(true);
  }, 60_000);

  it('refuses a blocked card before any PIN reaches it: no VERIFY with a PIN on the card side, the blocked error', async () => {
    const { card, token: t } = await cardWithPinStatus();
    expect((await card.bloccaPin()).pinTriesLeft).toBe(0);
    const refused = await cardErrorOf(t.verifyPin('12345'));
    expect({ code: refused.code, message: refused.message }).toEqual({ code: 'pin-bloccato', message: 'PIN bloccato: usa il PUK' });
    const seen = await card.apdus();
    expect(pinVerifies(seen)).toEqual([]);
    // What reached the card was the status query: VERIFY with no data (on STIncard's 0x90).
    expect(seen.filter((a) => a.ins === VERIFY)).toEqual([{ ins: VERIFY, p1: 0, p2: 0x90, dataLength: 0 }]);
    expect(await card.stato()).toEqual({ pinTriesLeft: 0, pukTriesLeft: 3, pinVerified: false });
  }, 60_000);

  it('lets a fresh card log in although OpenSC flags it as locked (the card is asked, not the flags)', async () => {
    const { card, token: t } = await cardWithPinStatus();
    // OpenSC's itacns has never asked this card its counter: it reports CKF_USER_PIN_LOCKED.
    expect(t.summary().flags & CKF_USER_PIN_LOCKED).not.toBe(0);
    await t.verifyPin('12345');
    expect(pinVerifies(await card.apdus())).toHaveLength(1);
    expect((await card.stato()).pinVerified).toBe(true);
  }, 60_000);
});

describe('the demo signing with the virtual CNS (documents sample)', () => {
  it('opens the configured module, asks the card its PIN status and signs', async () => {
    await startPcscd();
    slot = acquireSlot();
    const firma = await firmaConCartaVirtuale(slot.port, slot.readerName, MODULO_OPENSC);
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
