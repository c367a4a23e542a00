/**
 * Everything a citizen's journey runs on, all real: the PC/SC daemon with a virtual
 * reader of our own, a virtual CNS in it (test CA, known PIN and PUK), the reference
 * portal on 127.0.0.1 with the demo catalogue and the kiosk's account, and the browser
 * host (the same core as Electron) configured like an installation: mode, reader filter,
 * CA bundle, portal URL and credentials from environment variables.
 *
 * Playwright does not run vitest's global setup, so the rig starts pcscd itself when
 * none runs, and stops only what it started.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CNS_DEFAULTS, startVirtualCns, type VirtualCnsHandle } from '../../native/virtual-card';
import { startPcscd, type PcscdHandle } from '../rig/pcscd';
import { acquireSlot, slotsHeldByOthers, type VpcdSlot } from '../rig/vpcd-slots';
import type { ConfigInput } from '../../electron/core/config/schema';
import { RENDERER_DIR, startTestHost, type TestHost } from './host';
import { startJourneyPortal, type JourneyPortal } from './journey-portal';
import { sportelloOf } from './sportello';

export const CARD = { pin: CNS_DEFAULTS.pin, puk: CNS_DEFAULTS.puk, wrongPin: '54321', codiceFiscale: CNS_DEFAULTS.codiceFiscale } as const;

/** Where the kiosk reads its portal account from (the configuration names the variables, never the values). */
const CREDENTIAL_VARS = { usernameVar: 'SPORTELLO_JOURNEY_PORTAL_USER', passwordVar: 'SPORTELLO_JOURNEY_PORTAL_PASSWORD' } as const;
const KIOSK_ACCOUNT = { username: 'chiosco', password: 'chiosco-demo' } as const;

export interface JourneyRigOptions {
  mode: 'kiosk' | 'home';
  idleTimeoutSeconds?: number;
  /** Whether the card is in the reader when the page opens (default false: the journey inserts it). */
  cardInserted?: boolean;
  /** The catalogue folder the reference portal serves (default: the demo catalogue of the Comune di Prova). */
  catalogueDir?: string;
  /** Days a final pratica's data stays (the configuration's `retentionDays`; a kiosk's default is 0). */
  retentionDays?: number;
}

export interface JourneyRig {
  /** The page to open: the browser host's URL with a new one-time launch token at each read. */
  readonly url: string;
  readonly app: TestHost;
  readonly card: VirtualCnsHandle;
  readonly readerName: string;
  readonly portal: JourneyPortal;
  insertCard(): Promise<void>;
  removeCard(): Promise<void>;
  stop(): Promise<void>;
}

/** The built renderer the host serves; a placeholder page would make every journey meaningless. */
export function rendererDir(): string {
  const dir = process.env.SPORTELLO_RENDERER_DIR ?? RENDERER_DIR;
  const index = join(dir, 'index.html');
  if (!existsSync(index) || !/<script[^>]+src="[^"]*assets\//.test(readFileSync(index, 'utf8'))) {
    throw new Error(`renderer non compilato in ${dir}: esegui "npx electron-vite build" (o imposta SPORTELLO_RENDERER_DIR)`);
  }
  return dir;
}

async function waitFor<T>(what: string, probe: () => Promise<T | null>, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== null) return value;
    if (Date.now() > deadline) throw new Error(`${what}: non avvenuto entro ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * The home login's process (OpenSSL's engine with OpenSC, adapters/cns-login) trusts the test
 * portal's HTTPS certificate as a citizen's machine trusts a public one, and OpenSC gives each rig
 * reader its own slot; both read from the environment the process is started with.
 */
function trustPortalCertificate(portal: JourneyPortal, workDir: string): void {
  const file = join(workDir, 'portale-https.pem');
  writeFileSync(file, portal.tlsCertificatePem!);
  process.env.NODE_EXTRA_CA_CERTS = file;
  process.env.OPENSC_CONF ??= join(__dirname, '..', 'rig', 'opensc.conf');
}

export async function startJourneyRig(options: JourneyRigOptions): Promise<JourneyRig> {
  const cleanups: (() => Promise<void> | void)[] = [];
  const cleanup = async () => {
    for (const step of cleanups.reverse()) {
      try {
        await step();
      } catch (error) {
        console.error('journey rig: arresto non riuscito', error);
      }
    }
  };
  try {
    const renderer = rendererDir();
    const pcscd: PcscdHandle = await startPcscd();
    // Another test run may share the daemon we started: leave it to them.
    cleanups.push(() => (slotsHeldByOthers() ? undefined : pcscd.stop()));
    const slot: VpcdSlot = acquireSlot();
    cleanups.push(() => slot.release());

    const card = await startVirtualCns({ port: slot.port, inserted: options.cardInserted ?? false });
    cleanups.push(() => card.stop());
    const workDir = mkdtempSync(join(tmpdir(), 'sportello-journey-'));
    cleanups.push(() => rmSync(workDir, { recursive: true, force: true }));
    const caBundlePath = join(workDir, 'ca-test.pem');
    writeFileSync(caBundlePath, card.caCertificatePem);

    const home = options.mode === 'home';
    // At home the portal's CNS login trusts the card's CA, as the comune's web server trusts the CNS issuers.
    const portal = await startJourneyPortal({
      ...(options.catalogueDir ? { catalogueDir: options.catalogueDir } : {}),
      ...(home ? { cnsLogin: { caPem: card.caCertificatePem } } : {}),
    });
    cleanups.push(() => portal.close());
    process.env[CREDENTIAL_VARS.usernameVar] = KIOSK_ACCOUNT.username;
    process.env[CREDENTIAL_VARS.passwordVar] = KIOSK_ACCOUNT.password;
    if (home) trustPortalCertificate(portal, workDir);

    const config: ConfigInput = {
      mode: options.mode,
      reader: { nameFilter: slot.readerName },
      caBundlePath,
      // The kiosk signs in with the Comune's account; at home the citizen with the card (no account at all).
      portal: home
        ? { url: portal.url, tenant: portal.tenant, cnsLoginUrl: portal.cnsLoginUrl! }
        : { url: portal.url, tenant: portal.tenant, credentials: { from: 'env', ...CREDENTIAL_VARS } },
      ...(options.idleTimeoutSeconds ? { idleTimeoutSeconds: options.idleTimeoutSeconds } : {}),
      ...(options.retentionDays !== undefined ? { retentionDays: options.retentionDays } : {}),
      // A cycle every second: the journeys wait for the outbox and the portal's status pull, not for a timer.
      sync: { intervalSeconds: 1 },
    };
    const app = await startTestHost(config, { rendererDir: renderer });
    cleanups.push(() => app.stop());
    const api = sportelloOf(app.core, { transport: 'test', clientId: 'journey-rig' });

    // With a portal configured the catalogue comes from it on the first sync cycle; the page needs it.
    await waitFor(
      'catalogo scaricato dal portale',
      async () => {
        const r = await api.catalogue.tenants({});
        return r.ok && r.value.length > 0 ? true : null;
      },
      15_000,
    );

    return {
      get url() {
        return app.host.url;
      },
      app,
      card,
      readerName: slot.readerName,
      portal,
      insertCard: () => card.insert(),
      removeCard: () => card.remove(),
      stop: cleanup,
    };
  } catch (error) {
    await cleanup();
    throw error;
  }
}
