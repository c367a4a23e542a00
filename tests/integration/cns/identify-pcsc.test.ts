/**
 * Identification and PIN operations of our CNS reader over the real chain
 * (pcscd + vpcd + emulated CNS), including the card pulled out at every APDU.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { identify } from '../../../native/cns/identify';
import { trustOnly } from '../../support/trust';
import { identifyCard } from '../../../native/cns/card-profile';
import { CLASSIC_MAP, pinReference, pukReference } from '../../../native/cns/file-map';
import { CnsPin } from '../../../native/cns/pin';
import type { CardTransport } from '../../../native/apdu/transport';
import type { PcscCardTransport } from '../../../native/pcsc/card-transport';
import { cardInReader, type CardInReader } from '../pcsc/card-in-reader';
import { cardErrorOf } from '../../support/card-error';

let rig: CardInReader | undefined;
afterEach(async () => {
  await rig?.close();
  rig = undefined;
});

function counting(transport: CardTransport): { transport: CardTransport; count: () => number } {
  let n = 0;
  return {
    transport: { atr: transport.atr, transmit: (c) => (n++, transport.transmit(c)) },
    count: () => n,
  };
}

function pinOf(t: CardTransport): CnsPin {
  const profile = identifyCard(t.atr);
  return new CnsPin(t, { pin: pinReference(CLASSIC_MAP, profile), puk: pukReference(CLASSIC_MAP, profile) });
}

describe('identification over PC/SC', () => {
  it('reads and cross-checks the card against its CA', async () => {
    rig = await cardInReader();
    const transport = await rig.transport();
    const trust = trustOnly(rig.card.caCertificatePem);
    let apdus = 0;
    const identity = await transport.transaction((t) => {
      const counted = counting(t);
      return identify(counted.transport, { now: new Date(), trust }).finally(() => (apdus = counted.count()));
    });
    expect(apdus).toBeLessThanOrEqual(12);
    expect(identity.serial).toBe(rig.card.serial);
    expect(identity.datiPersonali.codiceFiscale).toBe('RSSMRA80A01H501U');
    expect(identity.certificate.codiceFiscale).toBe('RSSMRA80A01H501U');
  });

  it('reads a card that refuses SELECT with P2=0C (6A86) through the P2=00 fallback', async () => {
    rig = await cardInReader({ rejectSelectWithoutFci: true, personalDataHeader: 'excludes-header' } as never);
    const transport = await rig.transport();
    const identity = await transport.transaction((t) => identify(t, { now: new Date(), trust: null }));
    expect(identity.serial).toBe(rig.card.serial);
  });

  it('ends cleanly with "carta rimossa" when the card is pulled out at any APDU, spending no PIN try', async () => {
    rig = await cardInReader();
    let transport: PcscCardTransport = await rig.transport();
    let total = 0;
    await transport.transaction((t) => {
      const counted = counting(t);
      return identify(counted.transport, { now: new Date(), trust: null }).finally(() => (total = counted.count()));
    });
    expect(total).toBeGreaterThan(5);
    for (let index = 1; index <= total; index++) {
      rig.card.setFault({ kind: 'drop', onApdu: index });
      const started = Date.now();
      const error = await cardErrorOf(transport.transaction((t) => identify(t, { now: new Date(), trust: null })));
      expect(error.code, `APDU ${index}`).toBe('carta-rimossa');
      expect(error.message).toBe('Carta rimossa: reinserisci la carta e riprova.');
      expect(Date.now() - started).toBeLessThan(4000);
      await rig.removed();
      expect(rig.card.state.pinTriesLeft).toBe(3);
      await rig.card.insert();
      transport = await rig.transport();
    }
  }, 120_000);

  it('removal during PIN verify: clean error, no try spent, nothing verified', async () => {
    rig = await cardInReader();
    const transport = await rig.transport();
    rig.card.setFault({ kind: 'drop', onApdu: 1 });
    const error = await cardErrorOf(transport.transaction((t) => pinOf(t).verify('12345')));
    expect(error.code).toBe('carta-rimossa');
    expect(rig.card.state).toMatchObject({ pinTriesLeft: 3, pinVerified: false });
  });

  it('answers garbage from the card with a clear error, not a crash', async () => {
    rig = await cardInReader();
    const transport = await rig.transport();
    rig.card.setFault({ kind: 'garbage', onApdu: 2 });
    const error = await cardErrorOf(transport.transaction((t) => identify(t, { now: new Date(), trust: null })));
    // pcscd itself may refuse a 1-byte reply from vpcd (then PC/SC reports the card gone).
    expect(['carta-rimossa', 'carta-risposta-non-valida']).toContain(error.code);
  });
});

describe('PIN and PUK over PC/SC', () => {
  it('counts down, blocks, unblocks with the PUK, and never spends a try to ask', async () => {
    rig = await cardInReader();
    const transport = await rig.transport();
    const run = <T>(work: (pin: CnsPin) => Promise<T>) => transport.transaction((t) => work(pinOf(t)));

    expect(await run((p) => p.status())).toMatchObject({ triesLeft: 3, blocked: false });
    expect((await cardErrorOf(run((p) => p.verify('11111')))).message).toBe('PIN errato: 2 tentativi rimasti');
    expect(await run((p) => p.status())).toMatchObject({ triesLeft: 2 });
    expect((await cardErrorOf(run((p) => p.verify('11111')))).message).toBe('PIN errato: 1 tentativo rimasto');
    expect((await cardErrorOf(run((p) => p.verify('11111')))).message).toBe('PIN bloccato: usa il PUK');
    expect((await cardErrorOf(run((p) => p.verify('12345')))).message).toBe('PIN bloccato: usa il PUK');
    expect(rig.card.state.pinTriesLeft).toBe(0);

    expect((await cardErrorOf(run((p) => p.unblock('87654321', '54321')))).message).toMatch(/^PUK errato: 2 tentativi rimasti/);
    await run((p) => p.unblock('12345678', '54321'));
    expect(rig.card.state.pinTriesLeft).toBe(3);
    await run((p) => p.verify('54321'));
    await run((p) => p.change('54321', '12345'));
    await run((p) => p.verify('12345'));
    expect(rig.card.state.pinVerified).toBe(true);
  }, 60_000);

  it('blocks the PUK after its tries and says to go to the desk', async () => {
    rig = await cardInReader();
    const transport = await rig.transport();
    const run = <T>(work: (pin: CnsPin) => Promise<T>) => transport.transaction((t) => work(pinOf(t)));
    for (let i = 0; i < 2; i++) await cardErrorOf(run((p) => p.unblock('87654321', '54321')));
    expect((await cardErrorOf(run((p) => p.unblock('87654321', '54321')))).message).toBe('PUK bloccato: rivolgiti allo sportello');
    expect((await cardErrorOf(run((p) => p.unblock('12345678', '54321')))).message).toBe('PUK bloccato: rivolgiti allo sportello');
    expect(await run((p) => p.status('puk'))).toMatchObject({ blocked: true });
  });
});
