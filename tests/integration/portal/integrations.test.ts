/**
 * Integration requests on the reference portal against ApplicationsAPIController.php,
 * PraticaManager.php, PraticaStatusService.php and ProtocollaPraticaListener.php: whole rounds with
 * and without protocol, who may act (the assigned operator only), the states, the error bodies,
 * `links` and `integrations` in the application (tests/fixtures/sdc/application-integration.json).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changeStatus } from '../../portal/applications-model';
import { storedIntegrationRequests, storedMessages } from '../../portal/inspect';
import { base64File, officeWith, playOffice, type Office } from '../../portal/office';
import { startPortal, type Portal } from '../../portal/server';
import { SERVICE, TEST_CATALOGUE } from '../sync/kiosk';
import { bearer, expectShapeOf, http, TEST_ACCOUNTS } from './portal-support';

const CANTEEN = 'c0000000-0000-4000-8000-000000000002';
const applicant = { data: { fiscal_code: { data: { fiscal_code: 'NREMRC75C41H501Q' } }, completename: { data: { name: 'Marco', surname: 'Neri' } } } };
const TRANSITION_ERROR = 'There was an error during transition process';
const GENERIC = 'Contact technical support at support@opencontent.it';

let portal: Portal;
let api: string;
/** The portal's clock, moved on by hand: `created_at` is in whole seconds, and the answer collects by it. */
let clock = Date.now();
const tick = () => (clock += 1000);
let kiosk: Office;
let office: Office;

type App = { status: string; attachments: { id: string; description: string }[]; links: unknown; integrations: { outbound: Record<string, unknown>; inbound: Record<string, unknown> | null }[] };
const read = async (id: string) => (await kiosk.call('GET', `/applications/${id}`)).body as App;
const statusOf = async (id: string) => (await read(id)).status;
const actions = (links: unknown) => Object.values(links as Record<string, { action: string }>).map((l) => l.action);

async function newApplication(service = SERVICE.id): Promise<string> {
  const res = await kiosk.call('POST', '/applications', { service, data: { applicant }, status: 1900 });
  expect(res.status).toBe(201);
  return (res.body as { id: string }).id;
}

/** Registered (protocol services) and taken in charge by the office: 4000. */
async function pending(service = SERVICE.id): Promise<string> {
  const id = await newApplication(service);
  if (service === SERVICE.id) expect((await office.register(id, `P-${id.slice(0, 8)}`)).status).toBe(204);
  expect((await office.assign(id)).status).toBe(204);
  expect(await statusOf(id)).toBe('4000');
  return id;
}

beforeAll(async () => {
  portal = await startPortal({ now: () => new Date(clock), catalogueDir: TEST_CATALOGUE, accounts: [...TEST_ACCOUNTS, { username: 'admin', password: 'admin-demo', role: 'admin' }] });
  api = `${portal.url}/${portal.tenant}/api`;
  kiosk = officeWith(portal, await bearer(api, 'chiosco', 'chiosco-demo'));
  office = await playOffice(portal);
  // The canteen service has no protocol here: the portal moves its integrations on by itself.
  portal.catalogue.updateService(CANTEEN, { protocol_required: false }, new Date());
});
afterAll(() => portal.close());

describe('richiesta di integrazione: un giro intero', () => {
  it('con protocollo: richiesta con allegato, protocollata, risposta del cittadino dal chiosco con allegato, submit, protocollata, di nuovo 4000', async () => {
    const id = await pending();
    const modulo = Buffer.from('%PDF-1.4 modulo da firmare');
    expect((await office.requestIntegration(id, 'Manca la firma sul modulo', [base64File('modulo.pdf', 'application/pdf', modulo)])).status).toBe(204);
    expect(await statusOf(id)).toBe('4100');
    expect(actions((await read(id)).links)).toEqual(['register-integration-request']);
    expect((await office.registerIntegrationRequest(id, 'P-RICHIESTA-1')).status).toBe(204);
    const waiting = await read(id);
    expect(waiting.status).toBe('4200');
    expectShapeOf('application-integration', waiting);
    expect(waiting.links).toEqual([{ action: 'accept-integration', description: 'Accept integration', url: `${api}/applications/${id}/transition/accept-integration?version=1` }]);
    expect(waiting.integrations).toHaveLength(1);
    expect(waiting.integrations[0]!.inbound).toBeNull();
    expect(waiting.integrations[0]!.outbound).toMatchObject({ protocol_number: 'P-RICHIESTA-1', attachments: [{ originalName: 'modulo.pdf', description: 'Allegato richiesta integrazione' }] });

    // What the kiosk's account sees: the request as an applicant message from the office, with its file.
    const list = (await kiosk.messages(id)).body as { id: string; subject: string; author: string; attachments: { url: string }[] }[];
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ subject: `Nuovo messaggio richiesta numero ${id}`, visibility: 'applicant', protocol_required: false });
    const history = (await kiosk.call('GET', `/applications/${id}/history`)).body as { status_code: number; message: string | null; message_id: string | null }[];
    expect(history.find((h) => h.status_code === 4100)).toMatchObject({ message: null, message_id: list[0]!.id });
    const file = await http.get(list[0]!.attachments[0]!.url, { headers: kiosk.headers, responseType: 'arraybuffer' });
    expect(Buffer.from(file.data as ArrayBuffer).equals(modulo)).toBe(true);

    const firmato = Buffer.from('%PDF-1.4 modulo firmato');
    const answer = await kiosk.postMessage(id, 'Ecco il modulo firmato', { attachments: [base64File('modulo-firmato.pdf', 'application/pdf', firmato)] });
    expect(answer.status).toBe(201);
    expect(await statusOf(id)).toBe('4200');
    expect((await kiosk.transition(id, 'submit')).status).toBe(204);
    expect(await statusOf(id)).toBe('4300');
    expect((await office.registerIntegrationAnswer(id, 'P-RISPOSTA-1')).status).toBe(204);

    const done = await read(id);
    expect(done.status).toBe('4000');
    const inbound = done.integrations[0]!.inbound!;
    expect(inbound).toMatchObject({ protocol_number: 'P-RISPOSTA-1', description: expect.stringContaining('Risposta a richiesta integrazione: ') });
    const answerFile = (answer.body as { attachments: { id: string }[] }).attachments[0]!.id;
    expect((inbound.attachments as { id: string }[]).map((a) => a.id)).toContain(answerFile);
    expect(done.attachments.map((a) => a.id)).toContain(inbound.id);
    const pdf = await http.get(`${api}/applications/${id}/attachments/${inbound.id as string}`, { headers: kiosk.headers, responseType: 'arraybuffer' });
    expect(Buffer.from(pdf.data as ArrayBuffer).subarray(0, 5).toString()).toBe('%PDF-');
    expect(storedIntegrationRequests(portal, id)).toMatchObject([{ status: 'done', messageId: list[0]!.id, answer: { messageIds: expect.arrayContaining([(answer.body as { id: string }).id]) } }]);
    const codes = ((await kiosk.call('GET', `/applications/${id}/history`)).body as { status_code: number }[]).map((h) => h.status_code);
    expect(codes.slice(-6)).toEqual([4000, 4100, 4200, 4300, 4400, 4000]);
  });

  it('senza protocollo: 4100 -> 4200 subito, il submit della risposta -> 4300 -> 4000, la richiesta chiusa', async () => {
    const id = await pending(CANTEEN);
    expect((await office.requestIntegration(id, 'Serve il certificato medico')).status).toBe(204);
    expect(await statusOf(id)).toBe('4200');
    expect((await kiosk.postMessage(id, 'allegato', { attachments: [base64File('certificato.jpg', 'image/jpeg', Buffer.from('jpeg'))] })).status).toBe(201);
    expect((await kiosk.transition(id, 'submit')).status).toBe(204);
    const done = await read(id);
    expect(done.status).toBe('4000');
    expect(done.integrations[0]!.inbound).not.toBeNull();
    expect(storedIntegrationRequests(portal, id)[0]!.status).toBe('done');
    // Without protocol the registrations do not exist for this application.
    expect(await office.registerIntegrationRequest(id, 'X')).toMatchObject({ status: 422, body: ['Application does not need to be protocolled'] });
    expect(await office.registerIntegrationAnswer(id, 'X')).toMatchObject({ status: 422, body: ['Application does not need to be protocolled'] });
  });
});

describe('richiesta di integrazione: ruoli, stati, errori', () => {
  it('solo l\'operatore incaricato: il chiosco (abilitato) e un admin ricevono 400 "Access Denied."; pratica sconosciuta 400', async () => {
    const id = await pending();
    const admin = officeWith(portal, await bearer(api, 'admin', 'admin-demo'));
    for (const who of [kiosk, admin]) {
      for (const action of ['request-integration', 'accept-integration', 'cancel-integration']) {
        expect(await who.transition(id, action, { message: 'x' })).toMatchObject({ status: 400, body: { type: 'error', title: TRANSITION_ERROR, description: 'Access Denied.' } });
      }
    }
    expect(await office.requestIntegration('00000000-0000-4000-8000-000000000000', 'x')).toMatchObject({ status: 400, body: { description: 'Application not found' } });
    // assign: an admin is not an operator; twice is refused; a protocol service needs the number first.
    expect(await admin.assign(id)).toMatchObject({ status: 400, body: { description: GENERIC } });
    expect(await office.assign(id)).toMatchObject({ status: 400, body: { description: GENERIC } });
    const unregistered = await newApplication();
    expect(await office.assign(unregistered)).toMatchObject({ status: 400, body: { description: GENERIC } });
    expect(await statusOf(unregistered)).toBe('2000');
  });

  it('modulo: message obbligatorio e controlli sugli allegati; dallo stato sbagliato il testo change_status', async () => {
    const id = await pending();
    expect(await office.transition(id, 'request-integration', {})).toMatchObject({
      status: 400,
      body: { type: 'validation_error', errors: [['This value should not be blank.: message', 'This value should not be null.: message']] },
    });
    expect(await office.requestIntegration(id, 'x', [{ name: 'a.exe', mime_type: 'application/x-msdownload', file: 'eA==' }])).toMatchObject({
      status: 400,
      body: { errors: ['Mime type non valido: request_integration_form'] },
    });
    expect(storedMessages(portal, id)).toEqual([]);
    expect((await office.requestIntegration(id, 'prima')).status).toBe(204);
    expect((await office.registerIntegrationRequest(id, 'P-1')).status).toBe(204);
    const again = await office.requestIntegration(id, 'seconda');
    expect(again).toMatchObject({
      status: 400,
      body: { title: TRANSITION_ERROR, description: `Modifica stato della pratica da <b>In attesa di integrazioni</b> a <b>Richiesta integrazioni</b> per la pratica del servizio Servizio certificato-residenza con ID ${id}` },
    });
  });

  it('accept-integration: solo a 4200; uuid e messaggi della pratica; [] raccoglie come null, un elenco solo quelli', async () => {
    const id = await pending(CANTEEN);
    expect(await office.acceptIntegration(id)).toMatchObject({ status: 400, body: { description: 'Application is not in the correct state' } });
    expect((await office.requestIntegration(id, 'prima richiesta')).status).toBe(204);
    const a = (await kiosk.postMessage(id, 'uno')).body as { id: string };
    const b = (await kiosk.postMessage(id, 'due')).body as { id: string };
    expect(await office.acceptIntegration(id, ['non-un-uuid'])).toMatchObject({ status: 400, body: { description: 'non-un-uuid not is a valid Uuid' } });
    const foreign = '00000000-0000-4000-8000-000000000000';
    expect(await office.acceptIntegration(id, [foreign])).toMatchObject({ status: 400, body: { description: `Message ${foreign} not found` } });
    expect((await office.acceptIntegration(id, [b.id])).status).toBe(204);
    expect(await statusOf(id)).toBe('4000');
    expect(storedIntegrationRequests(portal, id)[0]!.answer!.messageIds).toEqual([b.id]);

    tick();
    expect((await office.requestIntegration(id, 'seconda richiesta')).status).toBe(204);
    tick();
    const c = (await kiosk.postMessage(id, 'tre')).body as { id: string };
    expect((await office.acceptIntegration(id, [])).status).toBe(204);
    const second = storedIntegrationRequests(portal, id)[1]!;
    // Collected: the applicant messages since the request, the request's own message included (same second).
    expect(second.answer!.messageIds).toEqual([second.messageId, c.id]);
    expect(second.answer!.messageIds).not.toContain(a.id);
    expect((await read(id)).integrations).toHaveLength(2);
  });

  it('cancel-integration: una risposta senza messaggi; submit fuori da 1000 e 4200 non fa nulla (204)', async () => {
    const id = await pending(CANTEEN);
    const before = ((await kiosk.call('GET', `/applications/${id}/history`)).body as unknown[]).length;
    expect((await kiosk.transition(id, 'submit')).status).toBe(204);
    expect(((await kiosk.call('GET', `/applications/${id}/history`)).body as unknown[]).length).toBe(before);
    expect(await statusOf(id)).toBe('4000');
    expect((await office.requestIntegration(id, 'richiesta')).status).toBe(204);
    expect((await kiosk.postMessage(id, 'risposta non considerata')).status).toBe(201);
    expect((await office.cancelIntegration(id)).status).toBe(204);
    expect(await statusOf(id)).toBe('4000');
    expect(storedIntegrationRequests(portal, id)[0]).toMatchObject({ status: 'done', answer: { messageIds: [], attachmentIds: [] } });
    expect(((await read(id)).integrations[0]!.inbound as { description: string }).description).toContain('Cancellazione richiesta integrazione: ');
  });

  it('register-*: 404, numero obbligatorio, senza richiesta attiva 500; register solo da 2000; storico rifiutato 400', async () => {
    expect(await office.registerIntegrationRequest('00000000-0000-4000-8000-000000000000', 'x')).toMatchObject({ status: 404, body: ['Application not found'] });
    const id = await pending();
    expect(await office.transition(id, 'register-integration-request', {})).toMatchObject({
      status: 400,
      body: { type: 'validation_error', errors: [['This value should not be blank.: integration_outbound_protocol_number', 'This value should not be null.: integration_outbound_protocol_number']] },
    });
    expect(await office.registerIntegrationRequest(id, 'P-X')).toMatchObject({ status: 400, body: { description: GENERIC } });
    // Put at 4100 without a request (what a lost document would leave): the manager calls a method on null.
    portal.db.transaction(() => changeStatus({ db: portal.db, now: () => new Date(), catalogue: portal.catalogue } as never, id, 4100, null))();
    expect((await office.registerIntegrationRequest(id, 'P-X')).status).toBe(500);

    const other = await newApplication();
    portal.db.transaction(() => changeStatus({ db: portal.db, now: () => new Date(), catalogue: portal.catalogue } as never, other, 4000, null))();
    expect(await office.register(other, 'P-TARDI')).toMatchObject({ status: 400, body: { description: GENERIC } });
    const nobody = officeWith(portal, await bearer(api, 'nessuno', 'nessuno-demo'));
    expect(await nobody.call('GET', `/applications/${other}/history`)).toMatchObject({ status: 400, body: ['Identifier conversion error'] });
  });

  it('links: TRANSITIONS_MAPPING per stato, senza register per chi non protocolla (allora un oggetto con i buchi), senza withdraw', async () => {
    const protocolled = await newApplication();
    expect((await read(protocolled)).links).toEqual([
      { action: 'register', description: 'Register Application', url: `${api}/applications/${protocolled}/transition/register?version=1` },
      { action: 'assign', description: 'Assign Application', url: `${api}/applications/${protocolled}/transition/assign?version=1` },
    ]);
    const plain = await newApplication(CANTEEN);
    expect((await read(plain)).links).toEqual({ '1': { action: 'assign', description: 'Assign Application', url: `${api}/applications/${plain}/transition/assign?version=1` } });
    expect((await office.assign(plain)).status).toBe(204);
    expect(actions((await read(plain)).links)).toEqual(['request-integration', 'accept', 'reject']);
    expect((await office.transition(plain, 'accept', { message: 'ok' })).status).toBe(204);
    expect((await read(plain)).links).toEqual([]);
  });
});
