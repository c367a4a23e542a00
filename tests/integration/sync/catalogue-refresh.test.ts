/**
 * A catalogue is never wiped by a bad answer (against the reference portal): a service that does not
 * parse is skipped and logged while its cached copy stays, a service whose forms cannot be fetched is
 * left as cached and the others refresh, an empty list from a portal that had services changes nothing
 * and warns. Forms come from the form server the steps name (`parameters.url`), or from the one configured.
 */
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../../electron/core/log/logger';
import { createCatalogueRepo } from '../../../electron/core/catalogue/catalogue-repo';
import { createSyncService } from '../../../electron/core/sync/sync-service';
import { createPortalClient } from '../../../electron/adapters/portal/portal-client';
import { startPortal, type Portal } from '../../portal/server';
import { KIOSK_ACCOUNT } from './engine';
import { createKiosk, SERVICE, TENANT, TEST_CATALOGUE, type Kiosk } from './kiosk';
import { filesOf } from '../../support/database-location';
import { closeAfterEach } from '../../support/close-after-each';
import { createRepositories } from '../../../electron/composition/repositories';

const closing = closeAfterEach();

function engine(p: Portal, k: Kiosk, lines: string[] = [], formServerUrl?: string) {
  return createSyncService({
    repos: createRepositories(k.db),
    fidati: () => [],
    files: filesOf(k.dataDir),
    portal: createPortalClient({ url: p.url, tenant: TENANT, access: { kind: 'account', credentials: () => KIOSK_ACCOUNT }, retry: { attempts: 2, baseMs: 1, maxMs: 2 }, ...(formServerUrl ? { formServerUrl } : {}) }),
    tenant: { slug: TENANT, name: 'Comune di Test' },
    retentionDays: 90,
    log: createLogger({ sink: (l) => lines.push(l) }),
    clock: { now: () => new Date() },
  });
}

const MENSA = 'c0000000-0000-4000-8000-000000000002';
const later = (s: number) => new Date(Date.now() + s * 1000);

describe('aggiornamento del catalogo dal portale', () => {
  it('i moduli arrivano dal form server indicato dai passi (un altro host), non da <origine>/form-server', async () => {
    const portal = closing(await startPortal({ catalogueDir: TEST_CATALOGUE }));
    const kiosk = closing(createKiosk());
    const report = await engine(portal, kiosk).refreshCatalogue();
    expect(report).toMatchObject({ invalidServices: 0, skippedServices: [], fetchedForms: 5 });
    expect(createCatalogueRepo(kiosk.db).getResolvedForm(TENANT, 'certificato')).toBeDefined();
  });

  it('il form server configurato vale sopra quello dei passi', async () => {
    const portal = closing(await startPortal({ catalogueDir: TEST_CATALOGUE }));
    const kiosk = closing(createKiosk());
    const wrong = await engine(portal, kiosk, [], 'http://127.0.0.1:9/').refreshCatalogue();
    // Nowhere to fetch the nested forms from: every service stays out, nothing is imported.
    expect(wrong.skippedServices.sort()).toEqual(['certificato-residenza', 'iscrizione-mensa']);
    expect(createCatalogueRepo(kiosk.db).listServices(TENANT)).toEqual([]);
    const right = await engine(portal, kiosk, [], `${portal.formServerUrl}/form/`).refreshCatalogue();
    expect(right.skippedServices).toEqual([]);
  });

  it('un modulo cambiato sul form server (senza toccare il servizio) viene riscaricato, e le bozze avvisate', async () => {
    const portal = closing(await startPortal({ catalogueDir: TEST_CATALOGUE }));
    const kiosk = closing(createKiosk());
    const e = engine(portal, kiosk);
    await e.refreshCatalogue();
    const draft = kiosk.submit(undefined, 'draft');
    expect(await e.refreshCatalogue()).toMatchObject({ changedServices: [], fetchedForms: 0, imported: null });
    const form = portal.catalogue.forms.get('certificato')!;
    portal.catalogue.putForm({ ...form, modified: new Date().toISOString(), components: [...form.components, { type: 'textfield', key: 'nuovo_campo', label: 'Nuovo campo' }] });
    const report = await e.refreshCatalogue();
    expect(report.changedServices).toEqual([SERVICE.slug]);
    expect(report.flaggedDrafts).toBe(1);
    expect(JSON.stringify(createCatalogueRepo(kiosk.db).getResolvedForm(TENANT, 'certificato')?.form)).toContain('nuovo_campo');
    expect(draft).toBeTruthy();
  });

  it('un servizio che non si legge viene saltato e registrato; la sua copia in cache resta', async () => {
    const portal = closing(await startPortal({ catalogueDir: TEST_CATALOGUE }));
    const kiosk = closing(createKiosk());
    const lines: string[] = [];
    const e = engine(portal, kiosk, lines);
    await e.refreshCatalogue();
    portal.catalogue.updateService(SERVICE.id, { access_level: -1, name: 'Nuovo nome' }, later(1));
    portal.catalogue.updateService(MENSA, { name: 'Mensa rinnovata' }, later(1));
    const report = await e.refreshCatalogue();
    expect(report.invalidServices).toBe(1);
    const repo = createCatalogueRepo(kiosk.db);
    expect(repo.getService(TENANT, SERVICE.slug)?.name).toBe('Servizio certificato-residenza');
    expect(repo.getService(TENANT, 'iscrizione-mensa')?.name).toBe('Mensa rinnovata');
    expect(lines.some((l) => l.includes('servizio del portale non valido') && l.includes('access_level'))).toBe(true);
  });

  it('un modulo che non arriva salta solo il suo servizio', async () => {
    const portal = closing(await startPortal({ catalogueDir: TEST_CATALOGUE }));
    const kiosk = closing(createKiosk());
    const e = engine(portal, kiosk);
    await e.refreshCatalogue();
    portal.catalogue.updateService(SERVICE.id, { name: 'Certificato (modulo nuovo)', flow_steps: [{ identifier: 'x', type: 'formio', parameters: { formio_id: 'modulo-sparito' } }] }, later(1));
    portal.catalogue.updateService(MENSA, { name: 'Mensa rinnovata' }, later(1));
    const report = await e.refreshCatalogue();
    expect(report.skippedServices).toEqual([SERVICE.slug]);
    const repo = createCatalogueRepo(kiosk.db);
    expect(repo.getService(TENANT, SERVICE.slug)?.name).toBe('Servizio certificato-residenza');
    expect(repo.getService(TENANT, 'iscrizione-mensa')?.name).toBe('Mensa rinnovata');
  });

  it('un elenco vuoto da un portale che aveva servizi: la cache resta e c\'è un avviso', async () => {
    const portal = closing(await startPortal({ catalogueDir: TEST_CATALOGUE }));
    const kiosk = closing(createKiosk());
    const lines: string[] = [];
    const e = engine(portal, kiosk, lines);
    await e.refreshCatalogue();
    // Status 3 (cancelled) is not among the public ones: the real list leaves such services out.
    for (const id of [SERVICE.id, MENSA]) portal.catalogue.updateService(id, { status: 3 }, later(1));
    const report = await e.refreshCatalogue();
    expect(report.warnings).toEqual([expect.stringContaining('non elenca alcun servizio')]);
    expect(report.imported).toBeNull();
    expect(createCatalogueRepo(kiosk.db).listServices(TENANT)).toHaveLength(2);
    expect(lines.some((l) => l.includes('"level":"warn"') && l.includes('non elenca alcun servizio'))).toBe(true);
  });
});
