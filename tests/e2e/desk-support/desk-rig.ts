/**
 * What the desk's release runs on in the browser, all real: pcscd with a virtual reader of
 * our own, a virtual CNS in it (PIN and PUK known to the test and registered with the
 * issuer), the reference portal with the issuing module delivering to an SMTP capture on
 * 127.0.0.1, and browser hosts configured like installations (desk first, then home on the
 * same reader). pcscd is stopped only when this rig started it and nobody else holds a slot.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startVirtualCns, type VirtualCnsHandle } from '../../../native/virtual-card';
import type { ConfigInput } from '../../../electron/core/config/schema';
import { createRegistro } from '../../../electron/core/audit/registro';
import { createOperatori } from '../../../electron/core/desk/operatori';
import { systemClock } from '../../../electron/core/ports/clock';
import { createAuditRepo } from '../../../electron/core/store/audit-repo';
import { openDatabase } from '../../../electron/core/store/database';
import { createOperatoriRepo } from '../../../electron/core/store/operatori-repo';
import { startPcscd } from '../../rig/pcscd';
import { acquireSlot, slotsHeldByOthers } from '../../rig/vpcd-slots';
import { createIssuing, startSmtpCapture, type SmtpCapture } from '../../portal/issuing';
import { startPortal, type Portal } from '../../portal/server';
import { startTestHost, type TestHost } from '../../support/host';
import { rendererDir } from '../../support/journey-rig';

// None is a substring of the serial, the codice fiscale or another: a leak would be unambiguous.
export const CARTA = { pin: '73915', puk: '50628417', seriale: '6120016461039008', codiceFiscale: 'RSSMRA80A01H501U' } as const;
export const OPERATORE = { username: 'mario.bianchi', nome: 'Mario Bianchi', password: 'sportello-2026' } as const;

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

/** The administrator creates the operator in the app's data directory, as the desk CLI does. */
async function createOperatore(dataDir: string): Promise<void> {
  const db = openDatabase({ dataDir });
  try {
    const operatori = createOperatori(createOperatoriRepo(db), createRegistro(createAuditRepo(db), systemClock), systemClock);
    const admin = await operatori.createFirstAdministrator({ username: 'admin', nome: 'Anna Admin', password: 'amministra-2026' });
    await operatori.create(admin, { username: OPERATORE.username, nome: OPERATORE.nome, ruolo: 'operatore', password: OPERATORE.password });
  } finally {
    db.close();
  }
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

    const smtp = await startSmtpCapture();
    cleanups.push(() => smtp.close());
    const issuing = createIssuing({ smtp });
    const portal = await startPortal({ extraModules: [issuing.module] });
    cleanups.push(() => portal.close());
    issuing.register({ seriale: CARTA.seriale, codiceFiscale: CARTA.codiceFiscale, nome: 'MARIO ROSSI', pin: CARTA.pin, puk: CARTA.puk });
    process.env[CREDENTIAL_VARS.usernameVar] = 'operatore';
    process.env[CREDENTIAL_VARS.passwordVar] = 'operatore-demo';

    const workDir = mkdtempSync(join(tmpdir(), 'sportello-desk-e2e-'));
    cleanups.push(() => rmSync(workDir, { recursive: true, force: true }));
    const caBundlePath = join(workDir, 'ca-test.pem');
    writeFileSync(caBundlePath, card.caCertificatePem);

    const startHost = async (mode: 'desk' | 'home') => {
      const config: ConfigInput = {
        mode,
        reader: { nameFilter: slot.readerName },
        caBundlePath,
        portal: { url: portal.url, tenant: portal.tenant, credentials: { from: 'env', ...CREDENTIAL_VARS } },
      };
      const host = await startTestHost(config, { rendererDir: renderer });
      let stopped = false;
      const stopOnce = async () => {
        if (stopped) return;
        stopped = true;
        await host.stop();
      };
      cleanups.push(stopOnce);
      if (mode === 'desk') await createOperatore(host.dataDir);
      return { ...host, stop: stopOnce };
    };
    return { card, smtp, portal, startHost, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
