/**
 * The syncing process is a child process SIGKILLed at a random moment, 50 times, with new
 * pratiche arriving between runs; a last run finishes the queue. Whatever was in flight when
 * it died (an upload, a create the portal committed, the recording of the remote id), every
 * pratica must be on the portal exactly once with its files intact.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPortal, type Portal } from '../../portal/server';
import { startSyncChild } from './child';
import { expectExactlyOnce } from './exactly-once';
import { createKiosk, TEST_CATALOGUE, type Kiosk } from './kiosk';

const RUNS = 50;

describe('sync: processo terminato con SIGKILL in punti casuali', () => {
  let portal: Portal;
  let kiosk: Kiosk;
  beforeAll(async () => {
    // Latency keeps requests in flight long enough for kills to land in the middle of them.
    portal = await startPortal({ catalogueDir: TEST_CATALOGUE, faults: { latencyMs: 8 } });
    kiosk = createKiosk();
    for (let i = 0; i < 6; i++) kiosk.submit();
  });
  afterAll(async () => {
    kiosk.close();
    await portal.close();
  });

  it(`${RUNS} interruzioni, poi una corsa completa: ogni pratica una volta sola`, async () => {
    let killed = 0;
    for (let run = 0; run < RUNS; run++) {
      kiosk.submit();
      kiosk.submit();
      const child = startSyncChild(kiosk.dataDir, portal.url);
      await child.ready;
      await new Promise((r) => setTimeout(r, Math.random() * 400));
      if (child.process.exitCode === null && child.process.kill('SIGKILL')) killed++;
      const result = await child.done;
      expect(result.stderr, `corsa ${run}`).not.toMatch(/Error/);
    }
    const last = startSyncChild(kiosk.dataDir, portal.url);
    const result = await last.done;
    expect(result.code, result.stderr).toBe(0);
    // Most runs must really have been cut short, or the test proves nothing.
    expect(killed).toBeGreaterThanOrEqual(RUNS * 0.8);
    expectExactlyOnce(portal, kiosk);
  }, 900_000);
});
