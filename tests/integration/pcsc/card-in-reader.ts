/**
 * A virtual CNS in a reader of its own on the shared pcscd, watched by our
 * ReaderMonitor: what the card-side integration tests and the benchmark start from.
 */
import { ReaderMonitor, type ReaderEvent } from '../../../native/pcsc/monitor';
import type { PcscCardTransport } from '../../../native/pcsc/card-transport';
import { startVirtualCns, type VirtualCnsHandle, type VirtualCnsOptions } from '../../../native/virtual-card';
import { startPcscd } from '../../rig/pcscd';
import { acquireSlot, type VpcdSlot } from '../../rig/vpcd-slots';

export interface CardInReader {
  readonly slot: VpcdSlot;
  readonly card: VirtualCnsHandle;
  readonly monitor: ReaderMonitor;
  readonly events: ReaderEvent[];
  /** Resolves with the transport once the monitor has seen the card. */
  transport(timeoutMs?: number): Promise<PcscCardTransport>;
  /** Resolves once the monitor has seen the card leave. */
  removed(timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

export function until(predicate: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
  return new Promise((resolve, reject) => {
    const deadline = Date.now() + timeoutMs;
    const poll = (): void => {
      if (predicate()) return resolve();
      if (Date.now() > deadline) return reject(new Error(`timed out waiting for ${what}`));
      setTimeout(poll, 10);
    };
    poll();
  });
}

export async function cardInReader(options: Omit<VirtualCnsOptions, 'port'> = {}): Promise<CardInReader> {
  await startPcscd();
  const slot = acquireSlot();
  const monitor = new ReaderMonitor({ nameFilter: slot.readerName, timeoutMs: 4000 });
  const events: ReaderEvent[] = [];
  monitor.on((e) => events.push(e));
  monitor.start();
  await until(() => monitor.list().some((r) => r.name === slot.readerName), `reader ${slot.readerName}`);
  const card = await startVirtualCns({ ...options, port: slot.port });
  const present = () => monitor.list().some((r) => r.name === slot.readerName && r.atr !== null);
  return {
    slot,
    card,
    monitor,
    events,
    async transport(timeoutMs = 5000) {
      await until(present, 'card inserted', timeoutMs);
      return monitor.card(slot.readerName);
    },
    async removed(timeoutMs = 5000) {
      await until(() => !present(), 'card removed', timeoutMs);
    },
    async close() {
      await card.stop();
      // pcscd polls every ~400 ms: wait until it has seen the card leave, so the next
      // test on this slot does not inherit a reader that still believes a card is in.
      await until(() => !present(), 'card removed on close').catch(() => undefined);
      monitor.stop();
      slot.release();
    },
  };
}
