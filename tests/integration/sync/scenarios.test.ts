/**
 * Sync scenarios against the reference portal: a create whose reply is lost, tokens expiring in
 * the middle of a batch, the portal down then back, the catalogue changing under an open draft,
 * the status pull with outcome files, retention, and a poison item parked without blocking.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../../electron/core/log/logger';
import { createCatalogueRepo } from '../../../electron/core/catalogue/catalogue-repo';
import { createPraticheRepo } from '../../../electron/core/store/pratiche-repo';
import { createRemoteRepo } from '../../../electron/core/store/remote-repo';
import type { SyncStatus } from '../../../electron/core/sync/sync-service';
import { createPortalClient } from '../../../electron/adapters/portal/portal-client';
import { applicationCount, applicationsWithReference } from '../../portal/inspect';
import { startPortal } from '../../portal/server';
import { KIOSK_ACCOUNT, syncUntilEmpty, testEngine } from './engine';
import { expectExactlyOnce } from './exactly-once';
import { createKiosk, SERVICE, TENANT, TEST_CATALOGUE } from './kiosk';
import { operator } from './operator';
import { filesOf } from '../../support/database-location';
import { closeAfterEach } from '../../support/close-after-each';
import { portForRestarts } from '../../support/restart-port';

const closing = closeAfterEach();

describe('sync: scenari', () => {
  it('una creazione con risposta persa viene ritrovata, non ripetuta', async () => {
    const portal = closing(await startPortal({ catalogueDir: TEST_CATALOGUE, faults: { lostResponseRate: 1, only: `^POST /${TENANT}/api/applications$` } }));
    const kiosk = closing(createKiosk());
    const id = kiosk.submit();
    const lines: string[] = [];
    const engine = testEngine({ db: kiosk.db, dataDir: kiosk.dataDir, portalUrl: portal.url, log: createLogger({ sink: (l) => lines.push(l) }) });
    await engine.runOnce();
    expect(engine.status().outbox).toBe(1);
    expect(applicationsWithReference(portal, 'sportello_client_reference', id)).toHaveLength(1);
    portal.setFaults({});
    await syncUntilEmpty(engine);
    expectExactlyOnce(portal, kiosk);
    expect(lines.some((l) => l.includes('"trovataDopoInterruzione":true'))).toBe(true);
    expect(lines.join('\n')).not.toContain(KIOSK_ACCOUNT.password);
    expect(createRemoteRepo(kiosk.db).get(id)?.remoteId).toBe(applicationsWithReference(portal, 'sportello_client_reference', id)[0]!.id);
  });

  it('token che scadono a metà del lotto: rinnovati, nessuna pratica persa o doppia', async () => {
    const portal = closing(await startPortal({ catalogueDir: TEST_CATALOGUE, faults: { latencyMs: 25 } }));
    const kiosk = closing(createKiosk());
    for (let i = 0; i < 10; i++) kiosk.submit();
    const engine = testEngine({ db: kiosk.db, dataDir: kiosk.dataDir, portalUrl: portal.url });
    // Every time an application lands, every token dies: the rest of the batch must renew.
    let seen = 0;
    let expired = 0;
    const expiring = setInterval(() => {
      const count = applicationCount(portal);
      if (count > seen) {
        seen = count;
        portal.expireTokens();
        expired++;
      }
    }, 10);
    try {
      await syncUntilEmpty(engine);
    } finally {
      clearInterval(expiring);
    }
    expect(engine.status().parked).toBe(0);
    expect(expired).toBeGreaterThanOrEqual(3);
    expectExactlyOnce(portal, kiosk);
  }, 120_000);

  it('portale giù e poi di nuovo su: la coda attende, il catalogo in cache resta, poi tutto parte', async () => {
    const port = await portForRestarts();
    const down = closing(await startPortal({ catalogueDir: TEST_CATALOGUE, port }));
    const kiosk = closing(createKiosk());
    const statuses: SyncStatus[] = [];
    const engine = testEngine({ db: kiosk.db, dataDir: kiosk.dataDir, portalUrl: down.url, onStatus: (s) => statuses.push(s) });
    await engine.refreshCatalogue();
    const { dataDir } = down;
    await down.close();
    for (let i = 0; i < 3; i++) kiosk.submit();
    await engine.runOnce();
    await expect(engine.refreshCatalogue()).rejects.toThrow(/non raggiungibile/);
    expect(engine.status()).toEqual({ online: false, outbox: 3, parked: 0, accesso: null });
    expect(createCatalogueRepo(kiosk.db).listServices(TENANT).map((s) => s.slug)).toContain(SERVICE.slug);
    const back = closing(await startPortal({ catalogueDir: TEST_CATALOGUE, dataDir, port }));
    await syncUntilEmpty(engine);
    expect(statuses).toContainEqual({ online: false, outbox: 3, parked: 0, accesso: null });
    expect(statuses.at(-1)).toEqual({ online: true, outbox: 0, parked: 0, accesso: null });
    expectExactlyOnce(back, kiosk);
  });

  it('con la coda vuota il ciclo chiede comunque al portale: giù è offline, di nuovo su è online', async () => {
    const port = await portForRestarts();
    const down = closing(await startPortal({ catalogueDir: TEST_CATALOGUE, port }));
    const kiosk = closing(createKiosk());
    const engine = testEngine({ db: kiosk.db, dataDir: kiosk.dataDir, portalUrl: down.url });
    await engine.runOnce();
    expect(engine.status()).toEqual({ online: true, outbox: 0, parked: 0, accesso: null });
    const { dataDir } = down;
    await down.close();
    await engine.runOnce();
    expect(engine.status()).toEqual({ online: false, outbox: 0, parked: 0, accesso: null });
    closing(await startPortal({ catalogueDir: TEST_CATALOGUE, dataDir, port }));
    await engine.runOnce();
    expect(engine.status()).toEqual({ online: true, outbox: 0, parked: 0, accesso: null });
  });

  it('catalogo cambiato con una bozza aperta: la bozza resta, il cittadino viene avvisato', async () => {
    const portal = closing(await startPortal({ catalogueDir: TEST_CATALOGUE }));
    const kiosk = closing(createKiosk());
    const engine = testEngine({ db: kiosk.db, dataDir: kiosk.dataDir, portalUrl: portal.url });
    const first = await engine.refreshCatalogue();
    expect(first.fetchedForms).toBe(5);
    const draft = kiosk.submit(undefined, 'draft');
    const unchanged = await engine.refreshCatalogue();
    expect(unchanged).toMatchObject({ changedServices: [], fetchedForms: 0, imported: null });

    portal.catalogue.updateService(SERVICE.id, { name: 'Certificato di residenza (nuovo modulo)' }, new Date(Date.now() + 1000));
    const report = await engine.refreshCatalogue();
    expect(report.changedServices).toEqual([SERVICE.slug]);
    expect(report.flaggedDrafts).toBe(1);
    expect(createRemoteRepo(kiosk.db).catalogueChangedAt(draft)).not.toBeNull();
    const kept = createPraticheRepo(kiosk.db).get(draft, 'RSSMRA80A01H501U');
    expect(kept?.status).toBe(1000);
    expect(kept?.data).toMatchObject({ motivo: 'richiesta 1' });
    expect(createCatalogueRepo(kiosk.db).getService(TENANT, SERVICE.slug)?.name).toBe('Certificato di residenza (nuovo modulo)');
  });

  it('stato dal portale: protocollo, esito e file di esito; poi la conservazione li elimina', async () => {
    const portal = closing(await startPortal({ catalogueDir: TEST_CATALOGUE }));
    const kiosk = closing(createKiosk());
    const id = kiosk.submit();
    const engine = testEngine({ db: kiosk.db, dataDir: kiosk.dataDir, portalUrl: portal.url, retentionDays: 0 });
    await syncUntilEmpty(engine);
    const remoteId = createRemoteRepo(kiosk.db).get(id)!.remoteId;
    const office = await operator(portal);
    await office.transition(remoteId, 'register', { protocol_folder_number: 'c_x999-2026-fascicolo-12', protocol_number: 'c_x999-2026-0001234' });
    await office.transition(remoteId, 'assign');
    const esito = Buffer.from('%PDF-1.7 esito positivo');
    await office.transition(remoteId, 'accept', { message: 'Certificato rilasciato', attachments: [{ name: 'certificato.pdf', mime_type: 'application/pdf', file: esito.toString('base64') }] });

    // Retention 0 would purge at once: look at the pulled state with a second engine that keeps data.
    const keeping = testEngine({ db: kiosk.db, dataDir: kiosk.dataDir, portalUrl: portal.url, retentionDays: 90 });
    await keeping.runOnce();
    const remote = createRemoteRepo(kiosk.db).get(id)!;
    expect(remote).toMatchObject({ status: 7000, protocolNumber: 'c_x999-2026-0001234', outcome: true, outcomeMotivation: 'Certificato rilasciato', final: true });
    const sha = createHash('sha256').update(esito).digest('hex');
    expect(remote.outcomeFiles).toEqual([expect.objectContaining({ name: 'certificato.pdf', sha256: sha, mimeType: 'application/pdf' })]);
    expect(filesOf(kiosk.dataDir).esiti.read(sha)).toEqual(esito);
    const history = createPraticheRepo(kiosk.db).history(id).map((h) => h.status);
    expect(history).toEqual([1000, 1900, 2000, 3000, 4000, 7000]);

    await engine.runOnce();
    const cf = 'RSSMRA80A01H501U';
    expect(createRemoteRepo(kiosk.db).get(id)?.purgedAt).not.toBeNull();
    expect(filesOf(kiosk.dataDir).esiti.has(sha)).toBe(false);
    expect(createPraticheRepo(kiosk.db).get(id, cf)).toBeUndefined();
  });

  it('una pratica impossibile da inviare viene sospesa con un errore visibile, le altre partono', async () => {
    const portal = closing(await startPortal({ catalogueDir: TEST_CATALOGUE }));
    const kiosk = closing(createKiosk());
    const broken = kiosk.submit([Buffer.from('bytes che spariranno dal disco')]);
    filesOf(kiosk.dataDir).allegati.remove(kiosk.expected.get(broken)![0]!);
    kiosk.expected.delete(broken);
    kiosk.submit();
    kiosk.submit();
    const engine = testEngine({ db: kiosk.db, dataDir: kiosk.dataDir, portalUrl: portal.url });
    await syncUntilEmpty(engine);
    expect(engine.status()).toEqual({ online: true, outbox: 0, parked: 1, accesso: null });
    expect(engine.parked()).toEqual([expect.objectContaining({ praticaId: broken, error: expect.stringMatching(/non trovato su questo dispositivo/) })]);
    expectExactlyOnce(portal, kiosk);
    expect(engine.retry(broken)).toBe(true);
    expect(engine.status().outbox).toBe(1);
  });
});

describe('sync: credenziali del chiosco', () => {
  it('credenziali rifiutate: nessuna pratica sospesa, la coda aspetta e lo stato dice offline', async () => {
    const portal = closing(await startPortal({ catalogueDir: TEST_CATALOGUE }));
    const kiosk = closing(createKiosk());
    kiosk.submit();
    kiosk.submit();
    const { createSyncService } = await import('../../../electron/core/sync/sync-service');
    const { silentLogger } = await import('../../../electron/core/log/logger');
    const { createRepositories } = await import('../../../electron/composition/repositories');
    const engine = createSyncService({
      repos: createRepositories(kiosk.db),
      fidati: () => [],
      files: filesOf(kiosk.dataDir),
      portal: createPortalClient({ url: portal.url, tenant: TENANT, access: { kind: 'account', credentials: () => ({ username: 'chiosco', password: 'sbagliata' }) } }),
      tenant: { slug: TENANT, name: 'Comune di Test' },
      retentionDays: 90,
      log: silentLogger,
      clock: { now: () => new Date() },
    });
    await engine.runOnce();
    expect(engine.status()).toEqual({ online: false, outbox: 2, parked: 0, accesso: null });
  });
});
