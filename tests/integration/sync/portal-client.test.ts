/** The API client against the reference portal: Retry-After honoured, a lost create never repeated by the client itself. */
import { describe, expect, it } from 'vitest';
import { createPortalClient } from '../../../electron/adapters/portal/portal-client';
import { applicationCount } from '../../portal/inspect';
import { startPortal, type Portal } from '../../portal/server';
import { KIOSK_ACCOUNT } from './engine';
import { SERVICE, TENANT, TEST_CATALOGUE } from './kiosk';
import { closeAfterEach } from '../../support/close-after-each';
import { startStaleConnectionProxy } from '../../support/stale-connection-proxy';

const closing = closeAfterEach();

function client(p: Portal, sleeps: number[], url = p.url) {
  return createPortalClient({
    url,
    tenant: TENANT,
    access: { kind: 'account', credentials: () => KIOSK_ACCOUNT },
    retry: { attempts: 3, baseMs: 1, maxMs: 2 },
    sleep: async (ms) => void sleeps.push(ms),
  });
}

describe('client del portale', () => {
  it('429: aspetta quanto dice Retry-After prima di riprovare', async () => {
    const portal = closing(await startPortal({ catalogueDir: TEST_CATALOGUE, faults: { tooManyRequestsRate: 1, retryAfterSeconds: 3 } }));
    const sleeps: number[] = [];
    await expect(client(portal, sleeps).listServices()).rejects.toMatchObject({ kind: 'transient', status: 429 });
    expect(sleeps).toEqual([3000, 3000]);
  });

  it('creazione con risposta persa: un solo tentativo, l\'errore torna al chiamante', async () => {
    const portal = closing(await startPortal({ catalogueDir: TEST_CATALOGUE, faults: { lostResponseRate: 1, only: `^POST /${TENANT}/api/applications$` } }));
    const sleeps: number[] = [];
    const data = { applicant: { data: { fiscal_code: { data: { fiscal_code: 'RSSMRA80A01H501U' } } } } };
    await expect(client(portal, sleeps).createApplication({ service: SERVICE.id, data, status: 1900 })).rejects.toMatchObject({ kind: 'transient' });
    expect(applicationCount(portal)).toBe(1);
    expect(sleeps).toEqual([]);
  });

  it('creazione su una connessione sua: un socket tenuto aperto che il portale sta chiudendo non la perde', async () => {
    const portal = closing(await startPortal({ catalogueDir: TEST_CATALOGUE }));
    const proxy = closing(await startStaleConnectionProxy(portal.url));
    const portalClient = client(portal, [], proxy.url);
    // The login leaves a kept-alive socket behind; a read on it is refused, then retried on a new one.
    await portalClient.listServices();
    const data = { applicant: { data: { fiscal_code: { data: { fiscal_code: 'RSSMRA80A01H501U' } } } } };
    const created = await portalClient.createApplication({ service: SERVICE.id, data, status: 1900 });
    expect(created.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(applicationCount(portal)).toBe(1);
    expect(proxy.resets, 'il login ha trovato il socket chiuso').toBeGreaterThan(0);
  });
});
