import { describe, expect, it } from 'vitest';
import { createInProcessCns } from '../../../native/virtual-card';
import { FaultPlan } from '../../../native/virtual-card/faults';
import { fromHex, hex } from '../../../native/virtual-card/apdu';

const SELECT_SERIAL = fromHex('00A4080C0410001003');

describe('faults', () => {
  it('delays answers by the given time', async () => {
    const cns = createInProcessCns();
    cns.setFault({ kind: 'delay', ms: 120 });
    const started = Date.now();
    expect(hex(await cns.transport.transmit(SELECT_SERIAL))).toBe('9000');
    expect(Date.now() - started).toBeGreaterThanOrEqual(110);
  });

  it('drops the card on the Nth APDU: that APDU and all after it get an empty response', async () => {
    const cns = createInProcessCns();
    cns.setFault({ kind: 'drop', onApdu: 2 });
    expect(hex(await cns.transport.transmit(SELECT_SERIAL))).toBe('9000');
    expect((await cns.transport.transmit(SELECT_SERIAL)).length).toBe(0);
    expect(cns.inserted).toBe(false);
    expect((await cns.transport.transmit(SELECT_SERIAL)).length).toBe(0);
    cns.insert();
    expect(hex(await cns.transport.transmit(SELECT_SERIAL))).toBe('9000');
  });

  it('answers garbage (a single byte, no status word) or nothing, on every APDU or only the Nth', async () => {
    const cns = createInProcessCns();
    cns.setFault({ kind: 'garbage' });
    expect((await cns.transport.transmit(SELECT_SERIAL)).length).toBe(1);
    expect((await cns.transport.transmit(SELECT_SERIAL)).length).toBe(1);
    cns.setFault({ kind: 'empty', onApdu: 2 });
    expect(hex(await cns.transport.transmit(SELECT_SERIAL))).toBe('9000');
    expect((await cns.transport.transmit(SELECT_SERIAL)).length).toBe(0);
    expect(hex(await cns.transport.transmit(SELECT_SERIAL))).toBe('9000');
    cns.setFault(undefined);
    expect(hex(await cns.transport.transmit(SELECT_SERIAL))).toBe('9000');
  });

  it('PIN state is lost when the card is dropped, as when it is pulled out', async () => {
    const cns = createInProcessCns();
    await cns.transport.transmit(fromHex('00200010083132333435FFFFFF'));
    expect(cns.state.pinVerified).toBe(true);
    cns.setFault({ kind: 'drop' });
    await cns.transport.transmit(SELECT_SERIAL);
    expect(cns.state.pinVerified).toBe(false);
  });

  it('rejects nonsense fault settings', () => {
    const plan = new FaultPlan();
    expect(() => plan.set({ kind: 'drop', onApdu: 0 })).toThrow(/positive integer/);
    expect(() => plan.set({ kind: 'delay', ms: -1 })).toThrow(/>= 0/);
  });
});
