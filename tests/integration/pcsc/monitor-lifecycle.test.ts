/**
 * Monitors started and stopped many times in one process, on the real pcscd, with a card
 * in the reader all along: each new monitor sees the card that is already in, stopping
 * never blocks, and the binding's threads do not pile up (the process shares one PC/SC
 * context: native/pcsc/shared-context.ts).
 */
import { readdirSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { ReaderMonitor, type ReaderEvent } from '../../../native/pcsc/monitor';
import { startVirtualCns } from '../../../native/virtual-card';
import { startPcscd } from '../../rig/pcscd';
import { acquireSlot, type VpcdSlot } from '../../rig/vpcd-slots';
import { until } from './card-in-reader';

const slots: VpcdSlot[] = [];
afterAll(() => slots.forEach((s) => s.release()));
const threads = () => readdirSync('/proc/self/task').length;

describe('reader monitor lifecycle', () => {
  it('30 monitors one after another each see the card already in; threads do not grow', async () => {
    await startPcscd();
    const slot = acquireSlot();
    slots.push(slot);
    const card = await startVirtualCns({ port: slot.port });
    try {
      const cycle = async () => {
        const monitor = new ReaderMonitor({ nameFilter: slot.readerName });
        const events: ReaderEvent[] = [];
        monitor.on((e) => events.push(e));
        monitor.start();
        await until(() => events.some((e) => e.type === 'card-inserted'), 'carta già inserita vista dal nuovo monitor');
        monitor.stop();
      };
      await cycle();
      const before = threads();
      for (let i = 0; i < 30; i++) await cycle();
      expect(threads() - before).toBeLessThanOrEqual(2);
    } finally {
      await card.stop();
    }
  });
});
