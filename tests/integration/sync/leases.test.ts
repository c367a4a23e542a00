/**
 * Outbox leases: two syncing processes on one database (what the instance lock prevents, and
 * what a lock on a network share or a copied data directory could still allow) must never send
 * one pratica twice. Before leases, 12 pratiche became 24 applications on the portal.
 */
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/core/store/database';
import { locationOf } from '../../support/database-location';
import { createOutboxRepo, LeaseLost } from '../../../electron/core/store/outbox-repo';
import { applicationCount } from '../../portal/inspect';
import { startPortal } from '../../portal/server';
import { startSyncChild } from './child';
import { syncUntilEmpty, testEngine } from './engine';
import { expectExactlyOnce } from './exactly-once';
import { createKiosk, TEST_CATALOGUE } from './kiosk';
import { closeAfterEach } from '../../support/close-after-each';

const closing = closeAfterEach();

const at = (ms: number) => new Date(Date.parse('2026-12-03T09:00:00Z') + ms).toISOString();

describe('sync: lease sugli elementi della coda', () => {
  it('due connessioni: ciò che una ha preso non è dell’altra finché il lease non scade; poi chi lo ha perso non crea', () => {
    const kiosk = closing(createKiosk());
    const first = kiosk.submit();
    const second = kiosk.submit();
    const other = closing(openDatabase(locationOf(kiosk.dataDir)));
    const a = createOutboxRepo(kiosk.db);
    const b = createOutboxRepo(other);

    expect(a.claim(at(0), at(1_000), 1).map((i) => i.praticaId)).toEqual([first]);
    expect(b.claim(at(10), at(1_010), 10).map((i) => i.praticaId)).toEqual([second]);
    expect(b.claim(at(20), at(1_020), 10, [2])).toEqual([]);

    // A stalls past its lease; B takes the item over.
    const [stale] = a.claim(at(30), at(1_000), 10, [2]);
    expect(stale?.praticaId).toBe(first);
    const [taken] = b.claim(at(1_500), at(2_500), 10, [2]);
    expect(taken?.praticaId).toBe(first);
    expect(() => a.markCreateStarted(stale!, at(1_600), at(2_600))).toThrow(LeaseLost);
    expect(() => a.hold(stale!, at(2_600))).toThrow(LeaseLost);
    expect(() => a.scheduleRetry(stale!, at(1_700), 'errore')).toThrow(LeaseLost);
    expect(() => a.park(stale!, 'errore', at(1_700))).toThrow(LeaseLost);
    b.markCreateStarted(taken!, at(1_600), at(2_600));
    const row = kiosk.db.prepare('SELECT create_started_at, lease_until FROM outbox_sending WHERE outbox_id = ?').get(taken!.outboxId);
    expect(row).toEqual({ create_started_at: at(1_600), lease_until: at(2_600) });
    expect(kiosk.db.prepare('SELECT state, attempts FROM outbox WHERE pratica_id = ?').get(first)).toEqual({ state: 'pending', attempts: 0 });

    // Released, an item is free at once; an expired one is free to anyone.
    b.release(taken!);
    expect(a.claim(at(1_700), at(2_700), 10, [2]).map((i) => i.praticaId)).toEqual([first]);
  });

  it('due motori sulla stessa cartella dei dati, in parallelo: ogni pratica una volta sola', async () => {
    const portal = closing(await startPortal({ catalogueDir: TEST_CATALOGUE, faults: { latencyMs: 20 } }));
    const kiosk = closing(createKiosk());
    for (let i = 0; i < 12; i++) kiosk.submit();
    const other = closing(openDatabase(locationOf(kiosk.dataDir)));
    const engines = [kiosk.db, other].map((db) => testEngine({ db, dataDir: kiosk.dataDir, portalUrl: portal.url, concurrency: 4 }));
    await Promise.all(engines.map((e) => syncUntilEmpty(e)));
    expectExactlyOnce(portal, kiosk);
    expect(applicationCount(portal)).toBe(12);
  });

  it('due processi sulla stessa cartella dei dati: ogni pratica una volta sola', async () => {
    const portal = closing(await startPortal({ catalogueDir: TEST_CATALOGUE, faults: { latencyMs: 10 } }));
    const kiosk = closing(createKiosk());
    for (let i = 0; i < 12; i++) kiosk.submit();
    const children = [startSyncChild(kiosk.dataDir, portal.url), startSyncChild(kiosk.dataDir, portal.url)];
    const results = await Promise.all(children.map((c) => c.done));
    for (const r of results) expect(r.code, r.stderr).toBe(0);
    expectExactlyOnce(portal, kiosk);
  }, 120_000);
});
