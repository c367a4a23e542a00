/**
 * Payments on the reference portal against ApplicationsAPIController.php (payment, complete-payment,
 * accept), PaymentsAPIController.php, PaymentService.php, PraticaManager::finalize and
 * PaymentOutcomeListener.php: an API-created application of a paying service is not held for
 * payment; a deferred payment (`payment_required: 2`) is asked on `accept`; the gateway's outcome
 * (payment-stack.ts, payments-office.ts) completes or fails it; who may read and post what.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { citizenToken, officeWith, playOffice, type Office } from '../../portal/office';
import { noticeCode } from '../../portal/payment-stack';
import { completePayment, setGatewayStatus, settlePayment, storedPayments } from '../../portal/payments-office';
import { startPortal, type Portal } from '../../portal/server';
import { SERVICE, TEST_CATALOGUE } from '../sync/kiosk';
import { bearer, expectShapeOf, http, TEST_ACCOUNTS } from './portal-support';

const CANTEEN = 'c0000000-0000-4000-8000-000000000002';
const FISCAL_CODE = 'NREMRC75C41H501Q';
const applicant = { data: { fiscal_code: { data: { fiscal_code: FISCAL_CODE } }, completename: { data: { name: 'Marco', surname: 'Neri' } } } };
const GENERIC_400 = { type: 'error', title: 'There was an error during transition process', description: 'Contact technical support at support@opencontent.it' };
const DAY = 86_400_000;

let portal: Portal;
let api: string;
let clock = Date.parse('2026-06-03T09:00:00Z');
let kiosk: Office;
let office: Office;
let nobody: Office;

type PaymentData = { amount: string; reason: string; split: unknown; expire_at: string; notify: { url: string; method: string }; landing: { url: string; method: string }; outcome?: unknown };
type App = { status: string; payment_type: string | null; payment_data: PaymentData | []; outcome: boolean | null };
const read = async (id: string) => (await kiosk.call('GET', `/applications/${id}`)).body as App;
const history = async (id: string) => ((await kiosk.call('GET', `/applications/${id}/history`)).body as { status_code: number }[]).map((h) => h.status_code);

/** The back office's configuration of the canteen service for the next applications. */
const configure = (patch: Record<string, unknown>, id = CANTEEN) => portal.catalogue.updateService(id, { protocol_required: false, ...patch }, new Date(clock));
const DEFERRED = { payment_required: 2, payment_parameters: { total_amounts: '16,50', reason: 'Buoni mensa' } };

async function create(data: Record<string, unknown> = {}, status = 1900, service = CANTEEN): Promise<string> {
  const res = await kiosk.call('POST', '/applications', { service, data: { applicant, ...data }, status });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return (res.body as { id: string }).id;
}

/** Created, taken in charge and accepted: what a deferred payment service asks for then. */
async function accepted(data: Record<string, unknown> = {}): Promise<string> {
  const id = await create(data);
  expect((await office.assign(id)).status).toBe(204);
  expect((await office.transition(id, 'accept', { message: 'Iscrizione accolta' })).status).toBe(204);
  return id;
}

beforeAll(async () => {
  portal = await startPortal({ now: () => new Date(clock), catalogueDir: TEST_CATALOGUE, accounts: TEST_ACCOUNTS });
  api = `${portal.url}/${portal.tenant}/api`;
  kiosk = officeWith(portal, await bearer(api, 'chiosco', 'chiosco-demo'));
  office = await playOffice(portal);
  nobody = await playOffice(portal, { username: 'nessuno', password: 'nessuno-demo' });
});
afterAll(() => portal.close());

describe('pagamento immediato (payment_required 1) da API', () => {
  it('una pratica creata a 1900 non aspetta il pagamento: 2000, nessun dato di pagamento, nessun pagamento', async () => {
    configure({ payment_required: 1, payment_parameters: { total_amounts: '32.00', reason: 'Diritti' } });
    const id = await create();
    const app = await read(id);
    expect(app).toMatchObject({ status: '2000', payment_type: null, payment_data: [] });
    expect(await history(id)).toEqual([1900, 2000]);
    expect(await kiosk.call('GET', `/applications/${id}/payment`)).toEqual({ status: 404, body: ['Payment data not found'] });
    expect(await kiosk.call('GET', `/payments?remote_id=${id}`)).toEqual({ status: 404, body: ['Payment data not found'] });
    expect(storedPayments(portal, id)).toEqual([]);
  });

  it('creata a 1500 resta lì senza dati; pagata va a 2000, ma poi la pratica non si legge più (500: esito senza gateway)', async () => {
    const id = await create({}, 1500);
    expect(await read(id)).toMatchObject({ status: '1500', payment_data: [] });
    expect(await kiosk.call('GET', `/applications/${id}/payment`)).toEqual({ status: 404, body: ['Payment data not found'] });
    expect((await settlePayment(portal, id, 'paid')).status).toBe(200);
    expect(await history(id)).toEqual([1500, 1520, 1900, 2000]);
    // payment_data now holds the outcome with no payment_type: ApplicationDto::preparePaymentData has no handler to call.
    expect((await kiosk.call('GET', `/applications/${id}`)).status).toBe(500);
  });
});

describe('pagamento differito (payment_required 2): accept chiede il pagamento', () => {
  it('4000 -> 1500 con i dati di PaymentService::createPaymentData, il pagamento sullo stack, l\'avviso', async () => {
    configure(DEFERRED);
    const id = await accepted();
    const app = await read(id);
    expect(app.status).toBe('1500');
    expect(app.outcome).toBe(true);
    expect(app.payment_type).toBe('efil');
    expectShapeOf('application-payment-pending', app);
    // The amount is a string with a dot; the reason is NOT the service's: "<id> - <codice fiscale>".
    expect(app.payment_data).toEqual({
      amount: '16.50',
      reason: `${id} - ${FISCAL_CODE}`,
      split: null,
      expire_at: `${new Date(clock + 90 * DAY).toISOString().slice(0, 19)}+00:00`,
      notify: { url: `${api}/applications/${id}/payment`, method: 'POST' },
      landing: { url: `${portal.url}/${portal.tenant}/it/pratiche/${id}/detail`, method: 'GET' },
    });
    expect(await history(id)).toEqual([1900, 2000, 4000, 1500]);

    const status = await kiosk.call('GET', `/applications/${id}/payment`);
    expect(status.status).toBe(200);
    expectShapeOf('application-payment', status.body);
    const short = status.body as { status: string; reason: string; links: Record<string, { url: string; method: string }> };
    expect(short).toMatchObject({ status: 'PAYMENT_PENDING', reason: `${id} - ${FISCAL_CODE}` });
    expect(Object.keys(short.links)).toEqual(['online_payment_begin', 'online_payment_landing', 'offline_payment']);

    const list = await kiosk.call('GET', `/payments?remote_id=${id}`);
    expect(list.status).toBe(200);
    expectShapeOf('payments', list.body, (b) => (b as unknown[])[0]);
    const [payment] = list.body as { remote_id: string; payment: { amount: number; notice_code: string; iuv: string; iud: string; currency: string } }[];
    expect(payment!.remote_id).toBe(id);
    expect(payment!.payment).toMatchObject({ amount: 16.5, currency: 'EUR', iud: id.replace(/-/g, '') });
    expect(payment!.payment.notice_code).toMatch(/^3\d{17}$/);
    expect(payment!.payment.iuv).toBe(payment!.payment.notice_code.slice(1));

    const page = await http.get(short.links.online_payment_begin!.url);
    expect(page.status).toBe(200);
    expect(page.data).toContain(payment!.payment.notice_code);
    const notice = await http.get(short.links.offline_payment!.url, { responseType: 'arraybuffer' });
    expect(notice.headers['content-type']).toBe('application/pdf');
    expect(Buffer.from(notice.data as ArrayBuffer).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('importo e causale dal modulo (payment_amount con la virgola, payment_description)', async () => {
    configure(DEFERRED);
    const id = await accepted({ payment_amount: '12,30', payment_description: 'Mensa giugno' });
    expect((await read(id)).payment_data).toMatchObject({ amount: '12.30', reason: 'Mensa giugno' });
    expect(storedPayments(portal, id)[0]).toMatchObject({ amount: 12.3, reason: 'Mensa giugno', status: 'PAYMENT_PENDING', gateway: 'efil' });
  });

  it('pagata: "OK" -> 1520 -> 7000 (6000 con protocollo), l\'esito in payment_data.outcome, lo stack COMPLETE con la ricevuta', async () => {
    configure(DEFERRED);
    const id = await accepted();
    expect(await settlePayment(portal, id, 'paid')).toEqual({ status: 200, body: ['Application Payment Modified Successfully'] });
    const app = await read(id);
    expect(app.status).toBe('7000');
    expect((app.payment_data as PaymentData).outcome).toMatchObject({ status: 'OK', status_code: '000', status_message: 'Operazione completata con successo' });
    expect(await history(id)).toEqual([1900, 2000, 4000, 1500, 1520, 7000]);
    const status = (await kiosk.call('GET', `/applications/${id}/payment`)).body as Record<string, unknown>;
    expect(status.status).toBe('COMPLETE');
    expect(status).not.toHaveProperty('links');
    const [payment] = (await kiosk.call('GET', `/payments?remote_id=${id}`)).body as { payment: { paid_at: string | null }; links: { receipt: { url: string | null } } }[];
    expect(payment!.payment.paid_at).not.toBeNull();
    expect((await http.get(payment!.links.receipt.url!)).status).toBe(200);

    configure({ ...DEFERRED, protocol_required: true }, SERVICE.id);
    const registered = await create({}, 1900, SERVICE.id);
    expect((await office.register(registered, 'P-PAG-1')).status).toBe(204);
    expect((await office.assign(registered)).status).toBe(204);
    expect((await office.transition(registered, 'accept', {})).status).toBe(204);
    expect((await settlePayment(portal, registered, 'paid')).status).toBe(200);
    expect((await read(registered)).status).toBe('6000');
  });

  it('fallita: "KO" -> 1530, e lì resta: un altro esito o complete-payment 422', async () => {
    configure(DEFERRED);
    const id = await accepted();
    expect((await settlePayment(portal, id, 'failed')).status).toBe(200);
    expect((await read(id)).status).toBe('1530');
    expect(storedPayments(portal, id)[0]!.status).toBe('PAYMENT_FAILED');
    expect(await settlePayment(portal, id, 'paid')).toEqual({ status: 422, body: ["Application isn't in correct state"] });
    expect(await completePayment(office, id)).toEqual({ status: 422, body: ["Application isn't in correct state"] });
  });

  it('complete-payment: l\'ufficio abilitato chiude il pagamento (200), un operatore non abilitato ha il 400 generico', async () => {
    configure(DEFERRED);
    const id = await accepted();
    expect(await completePayment(nobody, id)).toEqual({ status: 400, body: GENERIC_400 });
    expect(await completePayment(office, id)).toEqual({ status: 200, body: ['Application Status Payment Modified Successfully'] });
    expect((await read(id)).status).toBe('7000');
    expect(await completePayment(office, '00000000-0000-4000-8000-000000000000')).toEqual({ status: 404, body: ['Application not found'] });
  });

  it('accept fuori da 4000, senza metodi di pagamento: 400 generico e nulla cambia; importo 0 o bollo: come il reale', async () => {
    configure(DEFERRED);
    const fresh = await create();
    expect(await office.transition(fresh, 'accept', {})).toEqual({ status: 400, body: GENERIC_400 });
    expect((await read(fresh)).status).toBe('2000');

    configure({ payment_required: 2, payment_parameters: { total_amounts: '5.00', gateways: {} } });
    const noGateway = await create();
    expect((await office.assign(noGateway)).status).toBe(204);
    expect(await office.transition(noGateway, 'accept', {})).toEqual({ status: 400, body: GENERIC_400 });
    expect((await read(noGateway)).status).toBe('4000');

    configure({ payment_required: 2, payment_parameters: { total_amounts: '0' } });
    expect((await read(await accepted())).status).toBe('7000');

    configure({ payment_required: 2, payment_parameters: { total_amounts: '16.00', gateways: { bollo: { identifier: 'bollo', parameters: [] } } } });
    const bollo = await accepted();
    expect(await read(bollo)).toMatchObject({ status: '1500', payment_type: null, payment_data: [] });
    expect((await kiosk.call('GET', `/applications/${bollo}/payment`)).status).toBe(404);
  });
});

describe('chi legge e chi scrive', () => {
  it('GET .../payment: sconosciuta 404, non visibile 400 "Errer fetching…"; il cittadino legge il suo', async () => {
    configure(DEFERRED);
    const id = await accepted();
    expect(await kiosk.call('GET', '/applications/00000000-0000-4000-8000-000000000000/payment')).toEqual({ status: 404, body: ['Application not found'] });
    expect(await nobody.call('GET', `/applications/${id}/payment`)).toEqual({ status: 400, body: [`Errer fetching payment of application: ${id}`] });
    const citizen = await citizenToken(portal, FISCAL_CODE);
    expect((await citizen.call('GET', `/applications/${id}/payment`)).status).toBe(200);
    expect((await citizen.call('GET', `/payments?remote_id=${id}`)).status).toBe(200);
    const unauthenticated = await http.get(`${api}/applications/${id}/payment`);
    expect(unauthenticated.status).toBe(401);
  });

  it('GET /payments: non visibile è la pagina 403, senza remote_id tutti i pagamenti', async () => {
    configure(DEFERRED);
    const id = await accepted();
    const refused = await nobody.call('GET', `/payments?remote_id=${id}`);
    expect(refused.status).toBe(403);
    expect(typeof refused.body).toBe('string');
    expect(await kiosk.call('GET', '/payments?remote_id=00000000-0000-4000-8000-000000000000')).toEqual({ status: 404, body: ['Application not found'] });
    const all = (await kiosk.call('GET', '/payments')).body as { remote_id: string }[];
    expect(all.map((p) => p.remote_id)).toContain(id);
    expect(all.length).toBeGreaterThan(1);
  });

  it('POST .../payment: fuori stato 422, campi vuoti 400 validation_error, non visibile 403, ignota 404', async () => {
    configure(DEFERRED);
    const id = await accepted();
    const blank = await office.call('POST', `/applications/${id}/payment`, { status: 'OK', status_code: '' });
    expect(blank.status).toBe(400);
    expect(blank.body).toMatchObject({ type: 'validation_error', title: 'There was a validation error' });
    expect(JSON.stringify(blank.body)).toContain('This field is mandatory: status_code');
    expect(JSON.stringify(blank.body)).toContain('This field is mandatory: status_message');
    expect((await read(id)).status).toBe('1500');
    expect((await nobody.call('POST', `/applications/${id}/payment`, { status: 'OK', status_code: '0', status_message: 'ok' })).status).toBe(403);
    expect(await office.call('POST', '/applications/00000000-0000-4000-8000-000000000000/payment', {})).toEqual({ status: 404, body: ['Application not found'] });
    const submitted = await create();
    expect(await office.call('POST', `/applications/${submitted}/payment`, { status: 'OK', status_code: '0', status_message: 'ok' })).toEqual({
      status: 422,
      body: ["Application isn't in correct state"],
    });
  });

  it('lo stack si muove da solo (PAYMENT_STARTED): la portale non cambia stato, i link spariscono', async () => {
    configure(DEFERRED);
    const id = await accepted();
    clock += 1000;
    const [payment] = storedPayments(portal, id);
    expect((await setGatewayStatus(portal, payment!.id, 'PAYMENT_STARTED')).status).toBe(200);
    const status = (await kiosk.call('GET', `/applications/${id}/payment`)).body as Record<string, unknown>;
    expect(status.status).toBe('PAYMENT_STARTED');
    expect(status).not.toHaveProperty('links');
    expect((await read(id)).status).toBe('1500');
  });
});

describe('codice avviso', () => {
  it('18 cifre: 3, codice di segregazione, 13 cifre, resto della divisione per 93', () => {
    const code = noticeCode(4);
    expect(code).toMatch(/^301\d{15}$/);
    expect(Number(BigInt(code.slice(0, 16)) % 93n)).toBe(Number(code.slice(16)));
    expect(noticeCode(5)).not.toBe(code);
  });
});
