/** The native CardPort end to end: identify, PIN, and signing with the card's own APDUs. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createVerify } from 'node:crypto';
import { createNativeCardPort } from '../../../electron/adapters/card/native-card-port';
import type { CardPort } from '../../../electron/core/ports/card';
import { startVirtualCns, type VirtualCnsHandle } from '../../../native/virtual-card';
import { startPcscd } from '../../rig/pcscd';
import { acquireSlot, type VpcdSlot } from '../../rig/vpcd-slots';
import { until } from '../pcsc/card-in-reader';
import { trustOnly } from '../../support/trust';

let slot: VpcdSlot;
let card: VirtualCnsHandle;
let port: CardPort;

beforeAll(async () => {
  await startPcscd();
  slot = acquireSlot();
  card = await startVirtualCns({ port: slot.port });
  port = createNativeCardPort({ readerNameFilter: slot.readerName, trusts: trustOnly(card.caCertificatePem), now: () => new Date() });
  port.start();
  await until(() => port.readers().some((r) => r.cardPresent), 'card in reader');
});

afterAll(async () => {
  await card?.stop();
  await port?.stop();
  slot?.release();
});

describe('native card port', () => {
  it('identifies, verifies the PIN and signs a document hash with MSE + PSO', async () => {
    const identity = await port.identify(slot.readerName);
    expect(identity).toMatchObject({ codiceFiscale: 'RSSMRA80A01H501U', seriale: card.serial, tipo: 'CNS 1.1 (STIncard)' });
    expect(() => port.signer('altro lettore')).toThrow(/Carta rimossa/);
    await expect(port.signer(slot.readerName).signSha256(Buffer.from('x'))).rejects.toMatchObject({ code: 'pin-richiesto' });
    await port.verifyPin(slot.readerName, '12345');
    const data = Buffer.from('modulo PDF/A da firmare');
    const signature = await port.signer(slot.readerName).signSha256(data);
    expect(createVerify('sha256').update(data).verify(card.certificatePem, Buffer.from(signature))).toBe(true);
    expect(Buffer.from(await port.signer(slot.readerName).certificate())).toEqual(Buffer.from(identity.certificato.der));
  });
});
