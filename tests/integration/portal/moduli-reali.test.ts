/**
 * The real portal's own forms, end to end: the reference portal serves them
 * (tests/fixtures/catalogue/moduli-reali), a kiosk core syncs the catalogue, a citizen with the
 * virtual CNS (pcscd + vpcd) fills each service through the contract as the renderer would,
 * the forms' own rules refuse what the portal refuses, the selects of the built-in forms are
 * answered by the portal helper. The Anagrafica service (whose form has a field for the signed
 * module, as a comune's service does) goes all the way: signed, sent, stored with its data. The
 * built-in helpdesk form has no such field: it is sent with its data, the module kept on the kiosk.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../electron/composition/core';
import { configSchema } from '../../../electron/core/config/schema';
import { createLogger } from '../../../electron/core/log/logger';
import type { Sportello } from '../../../electron/shared/contract/api';
import type { CardSession } from '../../../electron/shared/contract/card';
import { startVirtualCns, type VirtualCnsHandle } from '../../../native/virtual-card';
import { startPortal, type Portal } from '../../portal/server';
import { startPcscd } from '../../rig/pcscd';
import { acquireSlot, type VpcdSlot } from '../../rig/vpcd-slots';
import { createdPratica } from '../../support/created-pratica';
import { sportelloOf, valueOf } from '../../support/sportello';
import { applicationsWithReference } from '../../portal/inspect';
import { CLIENT_REFERENCE_KEY } from '../../../electron/core/sync/submission';

const PIN = '97531';
const CATALOGUE = join(__dirname, '../../fixtures/catalogue/moduli-reali');
const CREDENTIALS = { usernameVar: 'SPORTELLO_REALI_PORTAL_USER', passwordVar: 'SPORTELLO_REALI_PORTAL_PASSWORD' } as const;

let portal: Portal;
let core: Core;
let api: Sportello;
let card: VirtualCnsHandle | undefined;
let slot: VpcdSlot;
let dataDir: string;
let portalDir: string;
let tenant: string;
const sessions: CardSession[] = [];

/** Polls a condition that core or the portal exposes until it yields a value. */
async function waitFor<T>(probe: () => T | null | Promise<T | null>, what: string, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== null && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`scaduto il tempo per: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** What the portal stored for the service's application (Pratica::dematerializedForms `data`). */
function storedData(serviceSlug: string): Record<string, unknown> | null {
  const service = portal.catalogue.bySlug(serviceSlug)!;
  const row = portal.db.prepare('SELECT data FROM applications WHERE service_id = ? ORDER BY seq DESC').get(service.id) as { data: string } | undefined;
  return row ? (JSON.parse(row.data) as { data: Record<string, unknown> }).data : null;
}

beforeAll(async () => {
  portalDir = mkdtempSync(join(tmpdir(), 'sportello-reali-portale-'));
  portal = await startPortal({ catalogueDir: CATALOGUE, dataDir: portalDir });
  tenant = portal.tenant;
  await startPcscd();
  slot = acquireSlot();
  dataDir = mkdtempSync(join(tmpdir(), 'sportello-reali-'));
  card = await startVirtualCns({ port: slot.port, pin: PIN, inserted: false });
  const caPath = join(dataDir, 'ca.pem');
  writeFileSync(caPath, card.caCertificatePem);
  process.env[CREDENTIALS.usernameVar] = 'chiosco';
  process.env[CREDENTIALS.passwordVar] = 'chiosco-demo';
  const config = configSchema.parse({
    mode: 'kiosk',
    reader: { nameFilter: slot.readerName },
    caBundlePath: caPath,
    portal: { url: portal.url, tenant, credentials: { from: 'env', ...CREDENTIALS } },
    sync: { intervalSeconds: 1 },
  });
  core = await createCore({ config, log: createLogger({ file: join(dataDir, 'sportello.log'), sink: () => {} }), version: 'test', dataDir });
  api = sportelloOf(core, { transport: 'test', clientId: 'moduli-reali' });
  api.on('card.session', (session) => sessions.push(session));
  await waitFor(async () => ((await api.catalogue.list({ tenant })).ok ? true : null), 'catalogo dal portale', 30_000);
  await card.insert();
  await waitFor(() => (sessions.at(-1)?.state === 'identificata' ? true : null), 'carta identificata', 10_000);
  await valueOf(api.card.verifyPin({ pin: PIN }));
  const terms = await valueOf(api.pratiche.terms({ tenant }));
  if (terms.version) await valueOf(api.pratiche.acceptTerms({ tenant, version: terms.version }));
  await valueOf(api.pratiche.updateProfile({ email: 'mario.rossi@example.it', phone: '+39 333 7654321', address: 'Via Roma 1, Roma' }));
}, 90_000);

afterAll(async () => {
  await card?.stop();
  await core?.dispose();
  slot?.release();
  await portal?.close();
  if (!process.env.SPORTELLO_TIENI) rmSync(dataDir, { recursive: true, force: true });
  rmSync(portalDir, { recursive: true, force: true });
});

/** A new pratica of the service, on its form step: instructions read, Richiedente seen. */
async function toForm(service: string): Promise<{ id: string; step: string; data: Record<string, unknown> }> {
  const { id } = await createdPratica(api.pratiche.start({ tenant, service, newDraft: true }));
  await valueOf(api.pratiche.acceptInstructions({ id, accepted: true }));
  await valueOf(api.pratiche.next({ id }));
  const moved = await valueOf(api.pratiche.next({ id }));
  expect(moved.errors).toEqual([]);
  return { id, step: moved.pratica.currentStepId, data: moved.pratica.data };
}

/** Signs and sends, then waits for the portal to hold the application. */
async function signAndSend(id: string, service: string): Promise<Record<string, unknown>> {
  const state = await valueOf(api.pratiche.completeness({ id }));
  expect(state.missing).toEqual([]);
  await valueOf(api.pratiche.sign({ id, pin: PIN }));
  await valueOf(api.pratiche.submit({ id }));
  try {
    return await waitFor(() => storedData(service), `domanda di ${service} sul portale`, 30_000);
  } catch (error) {
    throw new Error(`${String(error)}; in attesa: ${JSON.stringify(await valueOf(api.sync.parked({})))}`);
  }
}

const helper = async (path: string) => (await valueOf(api.moduli.helper({ tenant, path }))).data as Record<string, unknown>[];

describe('the portal\'s own forms, from the kiosk to the portal', () => {
  it('Anagrafica: card data in the fields\' own format, only its keys, its rules in core, stored complete', async () => {
    const { id, step, data } = await toForm('certificato-anagrafico');
    const applicant = data.applicant as { data: Record<string, { data?: Record<string, unknown> }> };
    expect(applicant.data.Born?.data?.natoAIl).toBe('01/01/1980');
    expect(Object.keys(applicant.data).sort()).toEqual(['Born', 'address', 'completename', 'email_address', 'fiscal_code']);

    const filled = structuredClone(data) as { applicant: { data: Record<string, { data: Record<string, unknown> }> }; motivo?: string };
    filled.applicant.data.gender = { data: { gender: 'maschio' } };
    filled.applicant.data.Born!.data.place_of_birth = 'Roma';
    filled.applicant.data.address = { data: { address: 'Via Roma', house_number: '1', municipality: 'Roma', county: 'RM', postal_code: '0010' } };
    filled.motivo = 'Iscrizione a scuola';
    await valueOf(api.pratiche.saveStep({ id, stepId: step, values: filled }));
    const refused = await valueOf(api.pratiche.next({ id }));
    expect(refused.moved).toBe(false);
    expect(refused.errors).toEqual([expect.objectContaining({ path: 'applicant.data.address.data.postal_code', label: 'CAP', message: 'Non hai inserito un CAP valido' })]);

    filled.applicant.data.address!.data.postal_code = '00100';
    await valueOf(api.pratiche.saveStep({ id, stepId: step, values: filled }));
    expect((await valueOf(api.pratiche.next({ id }))).errors).toEqual([]);
    const stored = (await signAndSend(id, 'certificato-anagrafico')) as typeof filled;
    expect(stored.applicant.data.Born!.data).toMatchObject({ natoAIl: '01/01/1980', place_of_birth: 'Roma' });
    expect(stored.applicant.data.address!.data).toMatchObject({ postal_code: '00100', county: 'RM' });
    expect(stored.applicant.data.fiscal_code!.data.fiscal_code).toBe('RSSMRA80A01H501U');
    expect(stored.motivo).toBe('Iscrizione a scuola');
  }, 90_000);

  it('Richiesta assistenza: category and service chosen from the portal\'s own lists, kept as objects, not {}; sent without the signed module its form has no field for', async () => {
    const { id, step, data } = await toForm('richiesta-assistenza');
    const categories = await helper('categories');
    expect(categories.length).toBeGreaterThan(0);
    const category = categories[0] as { id: string; name: string };
    const services = await helper(`services?topics_id=${category.id}`);
    expect(services.length).toBeGreaterThan(0);
    const service = services[0] as { id: string; name: string };
    const values = { ...data, category: { id: category.id, name: category.name }, service: { id: service.id, name: service.name }, details: 'Non riesco ad allegare il file', privacy: true };
    await valueOf(api.pratiche.saveStep({ id, stepId: step, values }));
    expect((await valueOf(api.pratiche.next({ id }))).errors).toEqual([]);
    expect((await valueOf(api.pratiche.completeness({ id }))).missing).toEqual([]);
    const saved = (await valueOf(api.pratiche.get({ id }))).data;
    expect(saved.category).toEqual({ id: category.id, name: category.name });
    expect(saved.service).toEqual({ id: service.id, name: service.name });

    // The portal's own front end does not sign its built-in services: the application goes with its data only.
    const stored = await signAndSend(id, 'richiesta-assistenza');
    expect(stored).toMatchObject({ category: { id: category.id }, service: { id: service.id }, details: 'Non riesco ad allegare il file' });
    const [application] = applicationsWithReference(portal, CLIENT_REFERENCE_KEY, id);
    expect(application?.attachmentDigests).toEqual([]);
    const history = (await valueOf(api.pratiche.get({ id }))).history;
    expect(history.map((h) => h.message)).toContainEqual(expect.stringContaining('non prevede il modulo firmato'));
    expect((await valueOf(api.pratiche.document({ id, tipo: 'modulo-firmato' }))).nomeFile).toMatch(/\.p7m$/);
  }, 90_000);

  it('Prenotazione appuntamento: office, day and time from the portal\'s calendar; the required choices refused when missing', async () => {
    const { id, step, data } = await toForm('prenotazione-appuntamento');
    const refused = await valueOf(api.pratiche.next({ id }));
    expect(refused.errors.map((e) => e.label)).toEqual(expect.arrayContaining(['Ufficio selezionato', 'Giorno selezionato', 'Orario selezionato']));

    const [office] = (await helper('user-groups?has_calendar=true')) as { id: string; name: string; calendar_id: string }[];
    expect(office?.calendar_id).toBeTruthy();
    const [day] = (await helper(`calendars/${office!.calendar_id}/availabilities?available=true`)) as { date: string }[];
    const [slot] = (await helper(`calendars/${office!.calendar_id}/availabilities/${day!.date}?available=true`)) as { start_time: string; end_time: string }[];
    const [reason] = (await helper(`services?user_group_ids=${office!.id}`)) as { id: string; name: string }[];
    const values = {
      ...data,
      user_group: { id: office!.id, name: office!.name, calendar_id: office!.calendar_id },
      day: day!.date,
      time: slot,
      service: { id: reason!.id, name: reason!.name },
      user_message: 'Rinnovo carta d\'identità',
    };
    await valueOf(api.pratiche.saveStep({ id, stepId: step, values }));
    expect((await valueOf(api.pratiche.next({ id }))).errors).toEqual([]);
    expect((await valueOf(api.pratiche.completeness({ id }))).missing).toEqual([]);
    expect((await valueOf(api.pratiche.get({ id }))).data).toMatchObject({ day: day!.date, time: slot, user_group: { id: office!.id } });
  }, 90_000);
});
