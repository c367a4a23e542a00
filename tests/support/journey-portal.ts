/**
 * The reference portal as the citizen's journeys need it: on a fixed port of 127.0.0.1 so
 * it can go down and come back at the same address with the same data (the kiosk's
 * configuration names one URL), and a back office that acts on applications over HTTP
 * with the operator account, as a comune's employee would.
 */
import axios from 'axios';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_ACCOUNTS, startPortal, type Portal } from '../portal/server';
import { storedApplication, storedMeetings, storedMessages, type StoredApplication, type StoredMeeting, type StoredMessage } from '../portal/inspect';
import { playOffice, type Office } from '../portal/office';
import { settlePayment } from '../portal/payments-office';
import { giveDocument, type DocumentSpec } from '../portal/documents-office';
import { portForRestarts } from './restart-port';

const OPERATOR = DEMO_ACCOUNTS.find((a) => a.role === 'operator')!;

export interface RemoteApplication {
  id: string;
  status: number;
  serviceSlug: string;
  fiscalCode: string;
  protocolNumber: string | null;
}

export interface JourneyPortal {
  readonly url: string;
  readonly tenant: string;
  readonly up: boolean;
  /** With `cnsLogin`: the HTTPS login-pat URL and the certificate its server presents (to trust). */
  readonly cnsLoginUrl: string | null;
  readonly tlsCertificatePem: string | null;
  /** The portal goes away: connections refused at its address. */
  stop(): Promise<void>;
  /** The portal comes back at the same address with everything it had stored. */
  start(): Promise<void>;
  /** Applications stored by the portal, oldest first (read from its own database). */
  applications(): RemoteApplication[];
  /** What the portal stored for an application: its data (Pratica::dematerializedForms `data`) and the files linked to it. */
  stored(applicationId: string): StoredApplication;
  /** The back office over the portal's API, logged in with the operator account. */
  office(): Promise<Office>;
  /** The comune asks for a deferred payment on this service (`payment_required: 2`, amount "16,50" style), or none (null). */
  setPayment(serviceSlug: string, amount: string | null): void;
  /** The gateway's outcome of the application's payment (tests/portal/payments-office.ts). */
  settlePayment(applicationId: string, result: 'paid' | 'failed'): Promise<number>;
  /** An application's messages as the portal stored them, oldest first. */
  messages(applicationId: string): StoredMessage[];
  /** Every meeting of the portal's calendars, oldest first. */
  meetings(): StoredMeeting[];
  /** The office issues a document to the citizen (their folder "Documenti"), over the portal's API. */
  giveDocument(fiscalCode: string, spec: DocumentSpec): Promise<void>;
  /** Polls until an application of `serviceSlug` for `fiscalCode` exists. */
  waitForApplication(fiscalCode: string, serviceSlug: string, timeoutMs: number): Promise<RemoteApplication>;
  /** The back office registers the application in the protocol (status 3000; the real transition wants a folder number too). */
  register(applicationId: string, protocolNumber: string): Promise<void>;
  close(): Promise<void>;
}

export interface JourneyPortalOptions {
  /** The catalogue folder the portal serves (default: the demo catalogue, DEFAULT_CATALOGUE). */
  catalogueDir?: string;
  /** The CNS login of a home installation: the CA bundle its web server trusts for client certificates. */
  cnsLogin?: { caPem: string };
}

export async function startJourneyPortal(options: JourneyPortalOptions = {}): Promise<JourneyPortal> {
  const dataDir = mkdtempSync(join(tmpdir(), 'sportello-journey-portal-'));
  // The journeys stop the portal and start it again at the same addresses (see restart-port.ts).
  const port = await portForRestarts();
  const cnsPort = options.cnsLogin ? await portForRestarts() : undefined;
  const cnsLogin = options.cnsLogin ? { cnsLogin: { ...options.cnsLogin, port: cnsPort } } : {};
  const catalogue = options.catalogueDir ? { catalogueDir: options.catalogueDir } : {};
  let portal: Portal | null = await startPortal({ dataDir, port, ...catalogue, ...cnsLogin });
  const url = portal.url;
  const tenant = portal.tenant;
  const adminKey = portal.adminKey;
  const live = (): Portal => {
    if (!portal) throw new Error('il portale di riferimento è spento');
    return portal;
  };

  const applications = (): RemoteApplication[] => {
    const p = live();
    const rows = p.db
      .prepare(
        `SELECT a.id, a.status, a.service_id, a.protocol_number, u.fiscal_code
           FROM applications a JOIN users u ON u.id = a.user_id ORDER BY a.seq`,
      )
      .all() as { id: string; status: number; service_id: string; protocol_number: string | null; fiscal_code: string }[];
    return rows.map((r) => ({
      id: r.id,
      status: r.status,
      serviceSlug: p.catalogue.services.get(r.service_id)?.slug ?? r.service_id,
      fiscalCode: r.fiscal_code,
      protocolNumber: r.protocol_number,
    }));
  };

  // A restarted portal serves its card login at the same address too (the home configuration names it).
  const { cnsLoginUrl, tlsCertificatePem } = portal;
  return {
    url,
    tenant,
    cnsLoginUrl,
    tlsCertificatePem,
    get up() {
      return portal !== null;
    },
    async stop() {
      await portal?.close();
      portal = null;
    },
    async start() {
      if (portal) return;
      portal = await startPortal({ dataDir, port, adminKey, ...catalogue, ...cnsLogin });
    },
    applications,
    office: () => playOffice(live()),
    setPayment(serviceSlug, amount) {
      const p = live();
      const service = [...p.catalogue.services.values()].find((s) => s.slug === serviceSlug);
      if (!service) throw new Error(`servizio ${serviceSlug} assente dal catalogo del portale`);
      const payment = amount === null ? { payment_required: 0, payment_parameters: [] } : { payment_required: 2, payment_parameters: { total_amounts: amount } };
      p.catalogue.updateService(service.id, payment, new Date());
    },
    settlePayment: async (applicationId, result) => (await settlePayment(live(), applicationId, result)).status,
    messages: (applicationId) => storedMessages(live(), applicationId),
    meetings: () => storedMeetings(live()),
    async giveDocument(fiscalCode, spec) {
      await giveDocument(live(), await playOffice(live()), fiscalCode, spec);
    },
    stored(applicationId) {
      const found = storedApplication(live(), applicationId);
      if (!found) throw new Error(`nessuna pratica ${applicationId} sul portale`);
      return found;
    },
    async waitForApplication(fiscalCode, serviceSlug, timeoutMs) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = applications().find((a) => a.fiscalCode === fiscalCode && a.serviceSlug === serviceSlug);
        if (found) return found;
        if (Date.now() > deadline) {
          throw new Error(`nessuna pratica "${serviceSlug}" per ${fiscalCode} sul portale dopo ${timeoutMs} ms`);
        }
        await new Promise((r) => setTimeout(r, 250));
      }
    },
    async register(applicationId, protocolNumber) {
      const api = `${live().url}/${tenant}/api`;
      const { data } = await axios.post<{ token: string }>(`${api}/auth`, { username: OPERATOR.username, password: OPERATOR.password });
      await axios.post(
        `${api}/applications/${encodeURIComponent(applicationId)}/transition/register`,
        { protocol_folder_number: `${protocolNumber.split('-').slice(0, -1).join('-') || protocolNumber}-fascicolo`, protocol_number: protocolNumber },
        { headers: { authorization: `Bearer ${data.token}` } },
      );
    },
    async close() {
      await portal?.close();
      portal = null;
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
