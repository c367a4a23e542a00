/**
 * The comune's coat of arms, against the reference portal: the catalogue refresh reads the ente's
 * `meta.logo` (`GET /api/tenants/info`), fetches the image, checks it and keeps it with the catalogue;
 * with the portal gone the kiosk still hands it to the page. An SVG, an oversized file or a file
 * that is not what it says is never kept; a portal that drops its logo takes it away.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../../electron/core/log/logger';
import { createCatalogue } from '../../../electron/core/catalogue/catalogue';
import { createCatalogueRepo } from '../../../electron/core/catalogue/catalogue-repo';
import { STEMMA_MAX_BYTES } from '../../../electron/core/catalogue/stemma';
import { createSyncService } from '../../../electron/core/sync/sync-service';
import { createPortalClient } from '../../../electron/adapters/portal/portal-client';
import { createRepositories } from '../../../electron/composition/repositories';
import { startPortal, type Portal } from '../../portal/server';
import { filesOf } from '../../support/database-location';
import { closeAfterEach } from '../../support/close-after-each';
import { KIOSK_ACCOUNT } from './engine';
import { createKiosk, TENANT, TEST_CATALOGUE, type Kiosk } from './kiosk';

const closing = closeAfterEach();
const PNG = readFileSync(join(__dirname, '../../fixtures/stemma/stemma-comune.png'));
const SVG = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(2)</script></svg>');

function engine(p: Portal, k: Kiosk, lines: string[] = []) {
  return createSyncService({
    repos: createRepositories(k.db),
    fidati: () => [],
    files: filesOf(k.dataDir),
    portal: createPortalClient({ url: p.url, tenant: TENANT, access: { kind: 'account', credentials: () => KIOSK_ACCOUNT }, retry: { attempts: 2, baseMs: 1, maxMs: 2 } }),
    tenant: { slug: TENANT, name: 'Comune di Test' },
    retentionDays: 90,
    log: createLogger({ sink: (l) => lines.push(l) }),
    clock: { now: () => new Date() },
  });
}

const stemmaOf = (k: Kiosk) => createCatalogue(createCatalogueRepo(k.db)).stemma(TENANT);

describe('stemma del comune dal portale', () => {
  it('la sincronizzazione scarica lo stemma e lo tiene; a portale spento è ancora lì', async () => {
    const portal = closing(await startPortal({ catalogueDir: TEST_CATALOGUE, enteLogo: { bytes: PNG, contentType: 'image/png' } }));
    const kiosk = closing(createKiosk());
    await engine(portal, kiosk).refreshCatalogue();
    const kept = stemmaOf(kiosk);
    expect(kept?.immagine.startsWith('data:image/png;base64,')).toBe(true);
    expect(Buffer.from(kept!.immagine.split(',')[1]!, 'base64').equals(PNG)).toBe(true);
    const stored = createCatalogueRepo(kiosk.db).getTenant(TENANT)!.stemma!;
    expect(stored.url).toMatch(new RegExp(`^${portal.url}/__ente/${TENANT}/stemma-[0-9a-f]{12}$`));

    await portal.close();
    await expect(engine(portal, kiosk).refreshCatalogue()).rejects.toThrow();
    expect(stemmaOf(kiosk)).toEqual(kept);
  });

  it('lo stesso indirizzo non viene riscaricato; uno nuovo sì; senza logo sul portale lo stemma va via', async () => {
    const portal = closing(await startPortal({ catalogueDir: TEST_CATALOGUE, enteLogo: { bytes: PNG, contentType: 'image/png' } }));
    const kiosk = closing(createKiosk());
    const e = engine(portal, kiosk);
    await e.refreshCatalogue();
    const first = stemmaOf(kiosk);
    expect(await e.refreshCatalogue()).toMatchObject({ imported: null });
    const JPEG = readFileSync(join(__dirname, '../../fixtures/stemma/stemma-comune.jpg'));
    portal.setEnteLogo({ bytes: JPEG, contentType: 'image/jpeg' });
    await e.refreshCatalogue();
    expect(stemmaOf(kiosk)?.immagine).toBe(`data:image/jpeg;base64,${JPEG.toString('base64')}`);
    expect(stemmaOf(kiosk)).not.toEqual(first);
    portal.setEnteLogo(null);
    await e.refreshCatalogue();
    expect(stemmaOf(kiosk)).toBeNull();
  });

  it('un SVG con script, un file troppo grande o che non è un\'immagine non vengono tenuti (e restano nel registro)', async () => {
    const huge = Buffer.concat([PNG, Buffer.alloc(STEMMA_MAX_BYTES)]);
    for (const [bytes, contentType, motivo] of [
      [SVG, 'image/svg+xml', 'SVG'],
      [huge, 'image/png', 'troppo grande'],
      [Buffer.from('%PDF-1.7 non un logo'), 'image/png', 'PNG o JPEG'],
    ] as const) {
      const portal = closing(await startPortal({ catalogueDir: TEST_CATALOGUE, enteLogo: { bytes, contentType } }));
      const kiosk = closing(createKiosk());
      const lines: string[] = [];
      await engine(portal, kiosk, lines).refreshCatalogue();
      expect(stemmaOf(kiosk), contentType).toBeNull();
      expect(lines.some((l) => l.includes('stemma del comune') && l.includes(motivo)), lines.join('\n')).toBe(true);
      // The rest of the tenant came anyway: the logo's trouble never holds up the offices.
      expect(createCatalogueRepo(kiosk.db).getTenant(TENANT)!.offices.length).toBeGreaterThan(0);
    }
  });
});
