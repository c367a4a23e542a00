/**
 * The reader monitor survives pcscd going away and comes back by itself within
 * 3 s of pcscd returning. This kills and restarts the shared test pcscd, so it
 * first claims every virtual reader slot: no other card test is using a reader
 * while the daemon is down (they wait for their slot or run before/after).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { ReaderMonitor, type ReaderEvent } from '../../../native/pcsc/monitor';
import { restartPcscd, startPcscd } from '../../rig/pcscd';
import { acquireSlot, SLOT_COUNT, type VpcdSlot } from '../../rig/vpcd-slots';

let held: VpcdSlot[] = [];
afterAll(() => held.forEach((s) => s.release()));

/** All slots at once, or none: partial claims are given back at once so others are not starved. */
async function claimEverySlot(timeoutMs: number): Promise<VpcdSlot[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const claimed: VpcdSlot[] = [];
    try {
      while (claimed.length < SLOT_COUNT) claimed.push(acquireSlot());
      return claimed;
    } catch (error) {
      claimed.forEach((s) => s.release());
      if (Date.now() > deadline) throw error;
      await new Promise((r) => setTimeout(r, 100 + Math.random() * 200));
    }
  }
}

function waitFor(predicate: () => boolean, timeoutMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    const deadline = Date.now() + timeoutMs;
    const poll = (): void => {
      if (predicate()) return resolve(true);
      if (Date.now() > deadline) return resolve(false);
      setTimeout(poll, 20);
    };
    poll();
  });
}

describe('PC/SC service loss and recovery', () => {
  it('reports "servizio lettore non disponibile" without pcscd and recovers within 3 s of its return', async () => {
    await startPcscd();
    held = await claimEverySlot(240_000);
    const slot = held[0]!;
    const events: ReaderEvent[] = [];
    const monitor = new ReaderMonitor({ nameFilter: slot.readerName });
    monitor.on((e) => events.push(e));
    monitor.start();
    try {
      expect(await waitFor(() => monitor.list().some((r) => r.name === slot.readerName), 5000)).toBe(true);

      // Down for 3 s, long enough for the monitor's backoff to reach its cap.
      await restartPcscd(3000);
      expect(events.some((e) => e.type === 'service' && !e.available)).toBe(true);
      expect(events.some((e) => e.type === 'reader-removed' && e.reader === slot.readerName)).toBe(true);
      const back = Date.now();
      expect(await waitFor(() => monitor.serviceAvailable && monitor.list().some((r) => r.name === slot.readerName), 3000)).toBe(true);
      const recoveredMs = Date.now() - back;
      console.info(`pcscd back -> monitor recovered in ${recoveredMs} ms`);
      expect(recoveredMs).toBeLessThanOrEqual(3000);
      expect(events.filter((e) => e.type === 'service').map((e) => e.type === 'service' && e.available)).toEqual([true, false, true]);
    } finally {
      monitor.stop();
      await startPcscd();
      held.forEach((s) => s.release());
      held = [];
    }
  }, 300_000);

  it('starts with no pcscd and reports the service unavailable, retrying with backoff, never throwing', async () => {
    let attempts = 0;
    const events: ReaderEvent[] = [];
    const monitor = new ReaderMonitor({
      // Stands in for the binding when no daemon runs: what SCardEstablishContext throws then.
      openContext: () => {
        attempts++;
        throw new Error('SCardEstablishContext error: Service not available.(0x8010001d)');
      },
      retryInitialMs: 10,
      retryMaxMs: 40,
    });
    monitor.on((e) => events.push(e));
    monitor.start();
    await new Promise((r) => setTimeout(r, 300));
    monitor.stop();
    expect(events).toEqual([{ type: 'service', available: false }]);
    // Backoff 10, 20, 40, 40...: several retries in 300 ms, none faster than the cap allows.
    expect(attempts).toBeGreaterThanOrEqual(5);
    expect(attempts).toBeLessThanOrEqual(12);
  });
});
