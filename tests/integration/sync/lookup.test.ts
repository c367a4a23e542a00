/**
 * Exactly once against the real list endpoint: no `data` filter, `service` a slug, pages of at most
 * 100. A create whose reply was lost is found again beyond the first pages; a create that never
 * landed, for a kiosk account that sees no application yet (403), is sent once, not parked.
 */
import axios from 'axios';
import { describe, expect, it } from 'vitest';
import { applicationCount } from '../../portal/inspect';
import { startPortal, type Portal } from '../../portal/server';
import { KIOSK_ACCOUNT, syncUntilEmpty, testEngine } from './engine';
import { expectExactlyOnce } from './exactly-once';
import { createKiosk, SERVICE, TENANT, TEST_CATALOGUE } from './kiosk';
import { closeAfterEach } from '../../support/close-after-each';

const closing = closeAfterEach();

async function otherApplications(p: Portal, n: number): Promise<void> {
  const api = `${p.url}/${p.tenant}/api`;
  const { data } = await axios.post<{ token: string }>(`${api}/auth`, KIOSK_ACCOUNT);
  const headers = { authorization: `Bearer ${data.token}` };
  const applicant = { data: { fiscal_code: { data: { fiscal_code: 'VRDLGU75B12F205X' } } } };
  for (let i = 0; i < n; i++) await axios.post(`${api}/applications`, { service: SERVICE.id, data: { applicant, sportello_client_reference: `altro-${i}` }, status: 1900 }, { headers });
}

describe('una volta sola con la ricerca del portale reale', () => {
  it('la risposta persa viene ritrovata oltre le prime pagine (150 pratiche prima della nostra)', async () => {
    const portal = closing(await startPortal({ catalogueDir: TEST_CATALOGUE }));
    await otherApplications(portal, 150);
    const kiosk = closing(createKiosk());
    kiosk.submit();
    const engine = testEngine({ db: kiosk.db, dataDir: kiosk.dataDir, portalUrl: portal.url });
    portal.setFaults({ lostResponseRate: 1, only: `^POST /${TENANT}/api/applications$` });
    await engine.runOnce();
    expect(applicationCount(portal)).toBe(151);
    portal.setFaults({});
    await syncUntilEmpty(engine);
    expect(applicationCount(portal)).toBe(151);
    expect(engine.status().parked).toBe(0);
  });

  it('creazione mai arrivata e account che non vede ancora nulla (403): inviata una volta, non sospesa', async () => {
    const portal = closing(await startPortal({ catalogueDir: TEST_CATALOGUE }));
    const kiosk = closing(createKiosk());
    kiosk.submit();
    const engine = testEngine({ db: kiosk.db, dataDir: kiosk.dataDir, portalUrl: portal.url });
    portal.setFaults({ resetRate: 1, only: `^POST /${TENANT}/api/applications$` });
    await engine.runOnce();
    expect(applicationCount(portal)).toBe(0);
    portal.setFaults({});
    await syncUntilEmpty(engine);
    expect(engine.status().parked).toBe(0);
    expectExactlyOnce(portal, kiosk);
  });

  it('una pagina della ricerca che fallisce non porta mai a una seconda creazione', async () => {
    const portal = closing(await startPortal({ catalogueDir: TEST_CATALOGUE }));
    await otherApplications(portal, 120);
    const kiosk = closing(createKiosk());
    kiosk.submit();
    const engine = testEngine({ db: kiosk.db, dataDir: kiosk.dataDir, portalUrl: portal.url });
    portal.setFaults({ lostResponseRate: 1, only: `^POST /${TENANT}/api/applications$` });
    await engine.runOnce();
    // Every look-up now fails half the time, page by page (5xx), for a while.
    portal.setFaults({ serverErrorRate: 0.5, only: `^GET /${TENANT}/api/applications$` });
    for (let i = 0; i < 6; i++) await engine.runOnce();
    portal.setFaults({});
    await syncUntilEmpty(engine);
    expect(applicationCount(portal)).toBe(121);
  });
});
