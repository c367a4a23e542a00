/**
 * What the desk's release runs on in the browser, all real: pcscd with a virtual reader of
 * our own, a virtual CNS in it (PIN and PUK known to the test and registered with the
 * issuer), the reference portal with the issuing module delivering to an SMTP capture on
 * 127.0.0.1, and browser hosts configured like installations (desk first, then home on the
 * same reader). pcscd is stopped only when this rig started it and nobody else holds a slot.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { expect, type Page } from '@playwright/test';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startVirtualCns, type VirtualCnsHandle } from '../../../native/virtual-card';
import type { ConfigInput } from '../../../electron/core/config/schema';
import { startPcscd } from '../../rig/pcscd';
import { acquireSlot, slotsHeldByOthers } from '../../rig/vpcd-slots';
import type { SmtpCapture } from '../../portal/issuing';
import type { Portal } from '../../portal/server';
import { createDeskOperatori, DESK_OPERATORE, DESK_PORTAL_ACCOUNT, startIssuingPortal } from '../../support/desk-issuer';
import { startTestHost, type TestHost } from '../../support/host';
import { rendererDir } from '../../support/journey-rig';

// None is a substring of the serial, the codice fiscale or another: a leak would be unambiguous.
export const CARTA = { pin: '73915', puk: '50628417', seriale: '6120016461039008', codiceFiscale: 'RSSMRA80A01H501U' } as const;
export const OPERATORE = DESK_OPERATORE;

/** The configuration names the variables holding the portal account, never the values. */
const CREDENTIAL_VARS = { usernameVar: 'SPORTELLO_DESK_PORTAL_USER', passwordVar: 'SPORTELLO_DESK_PORTAL_PASSWORD' } as const;

export interface DeskRig {
  readonly card: VirtualCnsHandle;
  readonly smtp: SmtpCapture;
  readonly portal: Portal;
  /** A browser host in the given mode on the rig's reader; stopped by stop() unless stopped earlier. */
  startHost(mode: 'desk' | 'home'): Promise<TestHost>;
  stop(): Promise<void>;
}

export async function startDeskRig(): Promise<DeskRig> {
  const cleanups: (() => Promise<void> | void)[] = [];
  const stop = async () => {
    for (const step of cleanups.reverse()) {
      try {
        await step();
      } catch (error) {
        console.error('desk rig: arresto non riuscito', error);
      }
    }
    cleanups.length = 0;
  };
  try {
    const renderer = rendererDir();
    const pcscd = await startPcscd();
    cleanups.push(() => (slotsHeldByOthers() ? undefined : pcscd.stop()));
    const slot = acquireSlot();
    cleanups.push(() => slot.release());
    const card = await startVirtualCns({ port: slot.port, pin: CARTA.pin, puk: CARTA.puk, codiceFiscale: CARTA.codiceFiscale, serial: CARTA.seriale });
    cleanups.push(() => card.stop());

    const { portal, issuer, smtp, close } = await startIssuingPortal({ seriale: CARTA.seriale, codiceFiscale: CARTA.codiceFiscale, nome: 'MARIO ROSSI', pin: CARTA.pin, puk: CARTA.puk });
    cleanups.push(close);
    process.env[CREDENTIAL_VARS.usernameVar] = DESK_PORTAL_ACCOUNT.username;
    process.env[CREDENTIAL_VARS.passwordVar] = DESK_PORTAL_ACCOUNT.password;

    const workDir = mkdtempSync(join(tmpdir(), 'sportello-desk-e2e-'));
    cleanups.push(() => rmSync(workDir, { recursive: true, force: true }));
    const caBundlePath = join(workDir, 'ca-test.pem');
    writeFileSync(caBundlePath, card.caCertificatePem);

    const startHost = async (mode: 'desk' | 'home') => {
      const config: ConfigInput = {
        mode,
        reader: { nameFilter: slot.readerName },
        caBundlePath,
        // At home the citizen logs in with the card, never with an account (config/schema.ts).
        portal: { url: portal.url, tenant: portal.tenant, ...(mode === 'desk' ? { credentials: { from: 'env' as const, ...CREDENTIAL_VARS } } : {}) },
        // The issuing system is its own, apart from the portal (same test account for both).
        issuer: { url: issuer.url, credentials: { from: 'env', ...CREDENTIAL_VARS } },
      };
      const host = await startTestHost(config, { rendererDir: renderer });
      let stopped = false;
      const stopOnce = async () => {
        if (stopped) return;
        stopped = true;
        await host.stop();
      };
      cleanups.push(stopOnce);
      if (mode === 'desk') await createDeskOperatori(host.dataDir);
      return { ...host, stop: stopOnce };
    };
    return { card, smtp, portal, startHost, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** The operator's login on the desk's page, done as they do it; resolves once the card panel shows. */
export async function accediOperatore(page: Page): Promise<void> {
  await page.getByTestId('desk-username').fill(OPERATORE.username);
  await page.getByTestId('desk-password').fill(OPERATORE.password);
  await page.getByTestId('desk-accedi').click();
  await expect(page.getByTestId('desk-carta')).toBeVisible({ timeout: 15_000 });
}

/** The rig, with the page on a desk host's login: the caller stops the rig. */
export async function apriBanco(page: Page): Promise<DeskRig> {
  const rig = await startDeskRig();
  try {
    const desk = await rig.startHost('desk');
    await page.goto(desk.host.url);
    return rig;
  } catch (error) {
    await rig.stop();
    throw error;
  }
}
