/** The portal serves the bundled demo catalogue by default; a kiosk refreshes all of it, nested forms included. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCatalogueRepo } from '../../../electron/core/store/catalogue-repo';
import { silentLogger } from '../../../electron/core/log/logger';
import { createSyncService } from '../../../electron/core/sync/sync-service';
import { startPortal, type Portal } from '../../portal/server';
import { KIOSK_ACCOUNT } from './engine';
import { createKiosk, type Kiosk } from './kiosk';

describe('sync: catalogo demo dal portale di riferimento', () => {
  let portal: Portal;
  let kiosk: Kiosk;
  beforeAll(async () => {
    portal = await startPortal();
    kiosk = createKiosk();
  });
  afterAll(async () => {
    kiosk.close();
    await portal.close();
  });

  it('ogni servizio e ogni modulo annidato arrivano nella cache del chiosco', async () => {
    const engine = createSyncService({
      db: kiosk.db,
      dataDir: kiosk.dataDir,
      portal: { url: portal.url, tenant: portal.tenant, credentials: () => KIOSK_ACCOUNT },
      tenant: { slug: portal.tenant, name: 'Comune di Prova' },
      retentionDays: 90,
      log: silentLogger,
      clock: { now: () => new Date() },
    });
    const report = await engine.refreshCatalogue();
    expect(report.invalidServices).toBe(0);
    expect(report.imported?.problems).toEqual([]);
    const repo = createCatalogueRepo(kiosk.db);
    expect(repo.listServices(portal.tenant)).toHaveLength(portal.catalogue.services.size);
    for (const service of portal.catalogue.services.values()) {
      for (const step of service.flow_steps) expect(repo.getResolvedForm(portal.tenant, step.parameters.formio_id), step.parameters.formio_id).toBeDefined();
    }
  });
});
