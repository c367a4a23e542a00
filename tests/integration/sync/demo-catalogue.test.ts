/**
 * The portal serves the bundled demo catalogue by default, as the real one would (ServiceDto, forms on
 * the form server, areas / "Io sono..." / offices from its own lists): a kiosk refreshes all of it and
 * ends with what the demo shows, attachment slots included (from the forms' file components); a
 * pratica's files and its signed module reach the office linked to the application.
 */
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importBundledCatalogue, bundledCatalogueDir } from '../../../electron/core/catalogue/bundled';
import { SIGNED_MODULE_KEY } from '../../../electron/core/catalogue/forms/file-components';
import { silentLogger } from '../../../electron/core/log/logger';
import { createCatalogueRepo } from '../../../electron/core/catalogue/catalogue-repo';
import { openDatabase } from '../../../electron/core/store/database';
import { createRemoteRepo } from '../../../electron/core/store/remote-repo';
import { createSyncService } from '../../../electron/core/sync/sync-service';
import { createPortalClient } from '../../../electron/adapters/portal/portal-client';
import { startPortal, type Portal } from '../../portal/server';
import { KIOSK_ACCOUNT } from './engine';
import { expectExactlyOnce } from './exactly-once';
import { createKiosk, type Kiosk } from './kiosk';
import { filesOf } from '../../support/database-location';
import { createRepositories } from '../../../electron/composition/repositories';

describe('sync: catalogo demo dal portale di riferimento', () => {
  let portal: Portal;
  let kiosk: Kiosk;
  let engine: ReturnType<typeof createSyncService>;
  beforeAll(async () => {
    portal = await startPortal();
    kiosk = createKiosk();
    engine = createSyncService({
      repos: createRepositories(kiosk.db),
      fidati: () => [],
      files: filesOf(kiosk.dataDir),
      // The tenant's base URL, as the portal prints it: the tenant is taken from it.
      portal: createPortalClient({ url: `${portal.url}/${portal.tenant}`, access: { kind: 'account', credentials: () => KIOSK_ACCOUNT }, retry: { attempts: 3, baseMs: 1, maxMs: 5 } }),
      tenant: { slug: portal.tenant, name: 'Comune di Prova' },
      retentionDays: 90,
      log: silentLogger,
      clock: { now: () => new Date() },
      tuning: { settleMs: 50, itemBackoff: { baseMs: 5, maxMs: 20 } },
    });
  });
  afterAll(async () => {
    kiosk.close();
    await portal.close();
  });

  it('ogni servizio e ogni modulo annidato arrivano; aree, "Io sono…", uffici e allegati come nella demo', async () => {
    const report = await engine.refreshCatalogue();
    expect(report.invalidServices).toBe(0);
    expect(report.skippedServices).toEqual([]);
    expect(report.imported?.problems).toEqual([]);
    const repo = createCatalogueRepo(kiosk.db);
    expect(repo.listServices(portal.tenant)).toHaveLength(portal.catalogue.services.size);
    for (const service of portal.catalogue.services.values()) {
      for (const step of service.flow_steps) expect(repo.getResolvedForm(portal.tenant, step.parameters.formio_id), step.parameters.formio_id).toBeDefined();
    }

    const demoDb = openDatabase(':memory:');
    const demo = createCatalogueRepo(demoDb);
    importBundledCatalogue(demo, bundledCatalogueDir('comune-di-prova', join(__dirname, '../../../electron/core/catalogue/demo')), { now: () => new Date() });
    const [fromPortal, bundled] = [repo.getTenant(portal.tenant)!, demo.getTenant(portal.tenant)!];
    const byId = <T extends { id: string }>(list: T[]) => [...list].sort((a, b) => a.id.localeCompare(b.id));
    expect(byId(fromPortal.topics)).toEqual(byId(bundled.topics));
    const audiences = (list: typeof bundled.audiences) => byId(list).map((a) => ({ ...a, serviceSlugs: [...a.serviceSlugs].sort() }));
    expect(audiences(fromPortal.audiences)).toEqual(audiences(bundled.audiences));
    expect(fromPortal.offices.map((o) => o.name)).toEqual([...bundled.offices.map((o) => o.name)].sort((a, b) => a.localeCompare(b)));
    for (const s of demo.listServices(portal.tenant)) {
      const got = repo.getService(portal.tenant, s.slug)!;
      expect(got.topics, s.slug).toBe(s.topics);
      expect(got.x_sportello_attachments, s.slug).toEqual(s.x_sportello_attachments);
    }
    demoDb.close();
  });

  it('allegati e modulo firmato arrivano collegati alla pratica, sotto i campi file del modulo', async () => {
    const service = portal.catalogue.bySlug('certificato-nascita')!;
    const id = kiosk.submit([randomBytes(2048), randomBytes(1024)], 'submit', { service, keys: ['delega', SIGNED_MODULE_KEY], tenant: portal.tenant });
    for (let i = 0; i < 20 && engine.status().outbox > 0; i++) await engine.runOnce();
    expect(engine.status()).toMatchObject({ outbox: 0, parked: 0 });
    expectExactlyOnce(portal, kiosk);
    expect(createRemoteRepo(kiosk.db).get(id)?.remoteId).toBeDefined();
  });
});
