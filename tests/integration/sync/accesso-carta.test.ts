/**
 * Home mode speaks to the portal as the citizen of the card, all real: pcscd with the virtual
 * CNS, OpenSC's module, OpenSSL's PKCS#11 engine (libengine-pkcs11-openssl) signing the TLS
 * handshake with the card's key, and the reference portal's CNS login (an HTTPS server that
 * requires a client certificate chained to the card's CA, as the web server in front of the
 * real `login-pat` does) and `session-auth`.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import axios from 'axios';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../electron/composition/core';
import { configSchema } from '../../../electron/core/config/schema';
import { createLogger } from '../../../electron/core/log/logger';
import type { Sportello } from '../../../electron/shared/contract/api';
import type { CardSession } from '../../../electron/shared/contract/card';
import type { StatoAccesso } from '../../../electron/shared/contract/sync';
import { CNS_DEFAULTS, startVirtualCns, type VirtualCnsHandle } from '../../../native/virtual-card';
import { createEngineLogin, findEngine } from '../../../electron/adapters/cns-login/engine-login';
import { CnsLoginFailure } from '../../../electron/core/ports/cns-login';
import { startPcscd } from '../../rig/pcscd';
import type { VpcdSlot } from '../../rig/vpcd-slots';
import { OPENSC_ENV, waitForSlot } from '../virtual-card/tools';
import { until } from '../pcsc/card-in-reader';
import { startJourneyPortal, type JourneyPortal } from '../../support/journey-portal';
import { createdPratica } from '../../support/created-pratica';
import { fillMensa, MENSA } from '../../support/mensa-demo';
import { errorOf, sportelloOf, valueOf } from '../../support/sportello';
import { filesContaining } from '../../support/data-directory-scan';

/** A PIN no other text of the test contains, so the secret scan finds it only where it leaked. */
const PIN = '97531';
const WRONG_PIN = '54321';
const CF = CNS_DEFAULTS.codiceFiscale;
const OTHER_CF = 'VRDLGU75B12F205X';
const { tenant: TENANT, service: SERVICE } = MENSA;

if (!findEngine()) throw new Error("OpenSSL's PKCS#11 engine is not installed (apt-get install libengine-pkcs11-openssl): the home login cannot be tested");

let workDir: string;
let dataDir: string;
let logFile: string;
let slot: VpcdSlot;
let card: VirtualCnsHandle;
let portal: JourneyPortal;
let core: Core;
let api: Sportello;
const sessions: CardSession[] = [];
const accessi: StatoAccesso[] = [];
const lastAccess = () => accessi.at(-1)?.stato;

beforeAll(async () => {
  await startPcscd();
  slot = await waitForSlot();
  workDir = mkdtempSync(join(tmpdir(), 'sportello-accesso-'));
  dataDir = join(workDir, 'dati');
  logFile = join(dataDir, 'sportello.log');
  card = await startVirtualCns({ port: slot.port, pin: PIN, inserted: false });
  portal = await startJourneyPortal({ cnsLogin: { caPem: card.caCertificatePem } });
  // What a citizen's machine has by itself for a public portal: here, the test server's certificate.
  const serverCa = join(workDir, 'portale.pem');
  writeFileSync(serverCa, portal.tlsCertificatePem!);
  process.env.NODE_EXTRA_CA_CERTS = serverCa;
  process.env.OPENSC_CONF = OPENSC_ENV.OPENSC_CONF;
  const caPath = join(workDir, 'ca.pem');
  writeFileSync(caPath, card.caCertificatePem);
  const config = configSchema.parse({
    mode: 'home',
    reader: { nameFilter: slot.readerName },
    caBundlePath: caPath,
    dataDirectory: dataDir,
    portal: { url: portal.url, tenant: portal.tenant, cnsLoginUrl: portal.cnsLoginUrl },
    sync: { intervalSeconds: 1 },
  });
  mkdirSync(dataDir, { recursive: true });
  core = await createCore({ config, log: createLogger({ file: logFile, level: 'debug', sink: () => {} }), version: 'test', dataDir });
  api = sportelloOf(core, { transport: 'test', clientId: 'accesso-test' });
  api.on('card.session', (s) => sessions.push(s));
  api.on('sync.status', (s) => s.accesso && accessi.push(s.accesso));
  await card.insert();
  await until(() => sessions.at(-1)?.state === 'identificata', 'carta identificata', 15_000);
}, 90_000);

afterAll(async () => {
  await core?.dispose();
  await card?.stop();
  await portal?.close();
  slot?.release();
  delete process.env.NODE_EXTRA_CA_CERTS;
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

describe('a casa, il portale conosce il cittadino dalla sua carta', () => {
  it('un PIN sbagliato costa un tentativo, mostrato, e nessun altro: la carta non arriva al portale', async () => {
    const error = await errorOf(api.card.verifyPin({ pin: WRONG_PIN }));
    expect(error.code).toBe('pin-errato');
    expect(error.message).toMatch(/2 tentativ/);
    expect(card.state.pinTriesLeft).toBe(2);
    expect(lastAccess() ?? 'da-fare').toBe('da-fare');
  });

  it('con il PIN giusto la chiave della carta apre la sessione del cittadino sul portale', async () => {
    await valueOf(api.card.verifyPin({ pin: PIN }));
    await until(() => lastAccess() === 'attivo', 'accesso al portale con la carta', 45_000);
    expect(card.state.pinTriesLeft).toBe(3);
  }, 60_000);

  it('una pratica inviata a casa è del cittadino sul portale, e il suo stato torna indietro', async () => {
    const terms = await valueOf(api.pratiche.terms({ tenant: TENANT }));
    if (terms.version) await valueOf(api.pratiche.acceptTerms({ tenant: TENANT, version: terms.version }));
    await valueOf(api.pratiche.updateProfile({ email: 'mario.rossi@example.it', phone: '+39 333 7654321', address: 'Via Roma 1, Prova' }));
    const { id } = await createdPratica(api.pratiche.start({ tenant: TENANT, service: SERVICE, newDraft: true }));
    await fillMensa(api, id);
    await valueOf(api.pratiche.sign({ id, pin: PIN }));
    await valueOf(api.pratiche.submit({ id }));
    const remote = await portal.waitForApplication(CF, SERVICE, 30_000);
    expect(remote.fiscalCode).toBe(CF);
    await portal.register(remote.id, 'PROVA-2026-0000042');
    const deadline = Date.now() + 30_000;
    let protocol: string | null = null;
    while (Date.now() < deadline && protocol === null) {
      const view = await valueOf(api.pratiche.get({ id }));
      protocol = view.portale?.protocolNumber ?? null;
      if (protocol === null) await new Promise((r) => setTimeout(r, 250));
    }
    expect(protocol).toBe('PROVA-2026-0000042');
  }, 90_000);

  it("i documenti rilasciati: il portale li dà solo agli operatori (DocumentsAPIController), e l'app lo dice", async () => {
    const error = await errorOf(api.pratiche['documenti.list']({}));
    expect(error.code).toBe('richiesta-rifiutata-dal-portale');
    expect(error.message).toMatch(/area personale/);
  });

  it('il PIN non finisce nel registro, nel database o nei file della cartella dei dati', () => {
    expect(filesContaining(dataDir, PIN)).toEqual([]);
  });
});

describe("la chiave della carta, da sola, davanti al portale", () => {
  const login = createEngineLogin();
  const identity = () => ({ reader: slot.readerName, serial: card.serial, certificateDer: new Uint8Array(Buffer.from(card.certificatePem.replace(/-----[^-]+-----|\s/g, ''), 'base64')), pin: PIN });

  it("non vede le pratiche di un altro cittadino", async () => {
    // Another citizen's application, created by the office (an operator may create for anyone).
    const office = await portal.office();
    const services = (await office.call('GET', '/services')).body as { id: string; slug: string }[];
    const serviceId = services.find((s) => s.slug === SERVICE)!.id;
    const applicant = { data: { fiscal_code: { data: { fiscal_code: OTHER_CF } }, completename: { data: { name: 'Luigi', surname: 'Verdi' } }, email_address: 'luigi@example.it' } };
    const created = await office.call('POST', '/applications', { service: serviceId, data: { applicant }, status: 1900 });
    expect(created.status).toBe(201);
    const other = (created.body as { id: string }).id;
    const own = { data: { fiscal_code: { data: { fiscal_code: CF } }, completename: { data: { name: 'Mario', surname: 'Rossi' } }, email_address: 'mario@example.it' } };
    expect((await office.call('POST', '/applications', { service: serviceId, data: { applicant: own }, status: 1900 })).status).toBe(201);
    const key = await login.open(identity());
    try {
      const answer = await key.login(portal.cnsLoginUrl!);
      expect(answer.status).toBe(302);
      const cookie = answer.cookies.map((c) => c.split(';')[0]).join('; ');
      const { data } = await axios.get<{ token: string }>(`${portal.url}/${TENANT}/api/session-auth`, { headers: { cookie } });
      const list = await axios.get<{ data: { user: string }[] } | { user: string }[]>(`${portal.url}/${TENANT}/api/applications`, { headers: { authorization: `Bearer ${data.token}` } });
      const rows = Array.isArray(list.data) ? list.data : list.data.data;
      expect(rows.length).toBeGreaterThan(0);
      const fiscalCodes = new Set(portal.applications().filter((a) => rows.some((r) => (r as { id?: string }).id === a.id)).map((a) => a.fiscalCode));
      expect([...fiscalCodes]).toEqual([CF]);
      expect(rows.some((r) => (r as { id?: string }).id === other)).toBe(false);
      const read = await axios.get(`${portal.url}/${TENANT}/api/applications/${other}`, { headers: { authorization: `Bearer ${data.token}` }, validateStatus: () => true });
      expect(read.status).toBeGreaterThanOrEqual(400);
    } finally {
      await key.close();
    }
  }, 60_000);

  it('la carta tolta a metà della stretta di mano TLS dà un errore pulito', async () => {
    const key = await login.open(identity());
    try {
      card.setFault({ kind: 'drop' });
      const failure = await key.login(portal.cnsLoginUrl!).then(
        () => null,
        (e: unknown) => e,
      );
      expect(failure).toBeInstanceOf(CnsLoginFailure);
      expect(['rifiutato', 'carta-assente', 'rete']).toContain((failure as CnsLoginFailure).reason);
    } finally {
      // The card stays out: this is the file's last test.
      card.setFault(undefined);
      await key.close();
    }
  }, 60_000);
});
