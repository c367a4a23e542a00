/**
 * Reader monitor and card transport on the real pcscd: several readers, card in
 * and out with its ATR, the reader-name filter, and a card too slow to answer.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { ReaderMonitor, type ReaderEvent } from '../../../native/pcsc/monitor';
import { openContext } from '../../../native/pcsc/pcsc-lib';
import { toHex, fromHex } from '../../../native/apdu/command';
import { CardError } from '../../../native/apdu/errors';
import { startVirtualCns, CNS_ATRS } from '../../../native/virtual-card';
import { startPcscd } from '../../rig/pcscd';
import { acquireSlot, type VpcdSlot } from '../../rig/vpcd-slots';
import { until } from './card-in-reader';

const slots: VpcdSlot[] = [];
afterAll(() => slots.forEach((s) => s.release()));

describe('reader monitor', () => {
  it('follows cards in two readers at once, with ATRs, and ignores readers outside the filter', async () => {
    await startPcscd();
    const a = acquireSlot();
    const b = acquireSlot();
    slots.push(a, b);
    const all = new ReaderMonitor();
    const onlyA = new ReaderMonitor({ nameFilter: a.readerName.toLowerCase() });
    const events: ReaderEvent[] = [];
    const filtered: ReaderEvent[] = [];
    all.on((e) => events.push(e));
    onlyA.on((e) => filtered.push(e));
    all.start();
    onlyA.start();
    const cardA = await startVirtualCns({ port: a.port, atr: 'athena' });
    const cardB = await startVirtualCns({ port: b.port, atr: 'crs-lombardia-stincard' });
    try {
      const inserted = (reader: string) => events.some((e) => e.type === 'card-inserted' && e.reader === reader);
      await until(() => inserted(a.readerName) && inserted(b.readerName), 'both cards');
      const atrOf = (reader: string) => {
        const e = events.find((x) => x.type === 'card-inserted' && x.reader === reader);
        return e && e.type === 'card-inserted' ? toHex(e.atr) : '';
      };
      expect(atrOf(a.readerName)).toBe(toHex(fromHex(CNS_ATRS.athena)));
      expect(atrOf(b.readerName)).toBe(toHex(fromHex(CNS_ATRS['crs-lombardia-stincard'])));

      await cardB.remove();
      await until(() => events.some((e) => e.type === 'card-removed' && e.reader === b.readerName), 'card B out');
      expect(all.list().find((r) => r.name === a.readerName)?.atr).not.toBeNull();

      await until(() => filtered.some((e) => e.type === 'card-inserted'), 'filtered monitor sees card A');
      const names = new Set(filtered.flatMap((e) => ('reader' in e ? [e.reader] : [])));
      expect([...names]).toEqual([a.readerName]);
      expect(onlyA.list().map((r) => r.name)).toEqual([a.readerName]);
    } finally {
      await cardA.stop();
      await cardB.stop();
      all.stop();
      onlyA.stop();
    }
  });

  it('gives up on a card that does not answer in time, with a clear error and no hang', async () => {
    await startPcscd();
    const slot = acquireSlot();
    slots.push(slot);
    const monitor = new ReaderMonitor({ nameFilter: slot.readerName, timeoutMs: 500 });
    monitor.start();
    const card = await startVirtualCns({ port: slot.port });
    try {
      await until(() => monitor.list().some((r) => r.atr !== null), 'card');
      card.setFault({ kind: 'delay', ms: 2000, onApdu: 1 });
      const started = Date.now();
      const error = await monitor
        .card(slot.readerName)
        .transmit(fromHex('00A4080C0410001003'))
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(CardError);
      expect((error as CardError).code).toBe('lettore-timeout');
      expect(Date.now() - started).toBeLessThan(1500);
    } finally {
      await card.stop();
      monitor.stop();
    }
  });

  it('waits briefly for a card another application holds, then says it is in use', async () => {
    await startPcscd();
    const slot = acquireSlot();
    slots.push(slot);
    const ours = new ReaderMonitor({ nameFilter: slot.readerName });
    // Another application has a PC/SC context of its own (this process shares one among its monitors).
    const other = new ReaderMonitor({ nameFilter: slot.readerName, openContext });
    ours.start();
    other.start();
    const card = await startVirtualCns({ port: slot.port });
    const select = fromHex('00A4080C0410001003');
    const hold = (ms: number) => other.card(slot.readerName).transaction(() => new Promise((r) => setTimeout(r, ms)));
    try {
      await until(() => ours.list().some((r) => r.atr !== null) && other.list().some((r) => r.atr !== null), 'card in both');
      const shortHold = hold(600);
      await new Promise((r) => setTimeout(r, 100));
      const reply = await ours.card(slot.readerName).transmit(select);
      expect(toHex(reply.subarray(-2))).toBe('9000');
      await shortHold;

      const longHold = hold(3500);
      await new Promise((r) => setTimeout(r, 100));
      const error = await ours.card(slot.readerName).transmit(select).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(CardError);
      expect((error as CardError).code).toBe('carta-in-uso');
      await longHold;
    } finally {
      await card.stop();
      ours.stop();
      other.stop();
    }
  });
});
