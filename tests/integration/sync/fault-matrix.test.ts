/**
 * Each fault of the reference portal alone, then all of them at 30%: every pratica must end on
 * the portal exactly once, its attachments byte-identical (SHA-256 of the stored bytes).
 */
import { describe, expect, it } from 'vitest';
import type { FaultsInput } from '../../portal/faults';
import { startPortal } from '../../portal/server';
import { testEngine, syncUntilEmpty } from './engine';
import { expectExactlyOnce } from './exactly-once';
import { createKiosk, TEST_CATALOGUE } from './kiosk';
import { closeAfterEach } from '../../support/close-after-each';

const CASES: [string, FaultsInput][] = [
  ['latenza', { latencyMs: 40 }],
  ['errori 5xx', { serverErrorRate: 0.3 }],
  ['connessioni interrotte', { resetRate: 0.3 }],
  ['risposta persa dopo la scrittura', { lostResponseRate: 0.3 }],
  ['token scaduto', { tokenExpiryRate: 0.3 }],
  ['429 con Retry-After', { tooManyRequestsRate: 0.3, retryAfterSeconds: 0 }],
  [
    'tutti insieme al 30%',
    { latencyMs: 10, serverErrorRate: 0.3, resetRate: 0.3, lostResponseRate: 0.3, tokenExpiryRate: 0.3, tooManyRequestsRate: 0.3, retryAfterSeconds: 0 },
  ],
];

describe('sync: matrice dei guasti', () => {
  const closing = closeAfterEach();

  for (const [name, faults] of CASES) {
    it(`${name}: ogni pratica arriva una volta sola, allegati identici`, async () => {
      const portal = closing(await startPortal({ catalogueDir: TEST_CATALOGUE, faults }));
      const kiosk = closing(createKiosk());
      for (let i = 0; i < 8; i++) kiosk.submit();
      const engine = testEngine({ db: kiosk.db, dataDir: kiosk.dataDir, portalUrl: portal.url });
      await syncUntilEmpty(engine);
      expect(engine.status().parked).toBe(0);
      portal.setFaults({});
      expectExactlyOnce(portal, kiosk);
    }, 300_000);
  }
});
