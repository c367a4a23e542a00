/**
 * The reference portal's application messages against MessagesAPIController.php, Dto/Message.php,
 * MessageFormType.php, MessageManager.php and MessageVoter.php: the shapes (tests/fixtures/sdc/
 * message.json), who may do what, the form's errors, the mail step and the real quirks (internal
 * messages hidden from the list, message-id-based urls, PATCH applying every field).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storedMessages } from '../../portal/inspect';
import { base64File, citizenToken, officeWith, playOffice, type Office } from '../../portal/office';
import { startPortal, type Portal } from '../../portal/server';
import { SERVICE, TEST_CATALOGUE } from '../sync/kiosk';
import { bearer, expectShapeOf, http, TEST_ACCOUNTS } from './portal-support';

const FISCAL_CODE = 'VRDLGU70A01H501S';
const applicant = { data: { fiscal_code: { data: { fiscal_code: FISCAL_CODE } }, completename: { data: { name: 'Luigi', surname: 'Verdi' } }, email_address: 'luigi.verdi@example.it' } };
const PDF = Buffer.from('%PDF-1.4 documento del cittadino');

let portal: Portal;
let api: string;
let kiosk: Office;
let office: Office;

async function newApplication(): Promise<string> {
  const res = await kiosk.call('POST', '/applications', { service: SERVICE.id, data: { applicant }, status: 1900 });
  expect(res.status).toBe(201);
  return (res.body as { id: string }).id;
}

beforeAll(async () => {
  portal = await startPortal({ catalogueDir: TEST_CATALOGUE, accounts: [...TEST_ACCOUNTS, { username: 'admin', password: 'admin-demo', role: 'admin' }] });
  api = `${portal.url}/${portal.tenant}/api`;
  kiosk = officeWith(portal, await bearer(api, 'chiosco', 'chiosco-demo'));
  office = await playOffice(portal);
});
afterAll(() => portal.close());

describe('messaggi di una pratica: come MessagesAPIController', () => {
  it('POST 201 con il Message del DTO (url con l\'id del messaggio), elenco v1 con gli url giusti, byte dell\'allegato identici', async () => {
    const id = await newApplication();
    const posted = await kiosk.postMessage(id, '<p style="color:red">Allego <script>x</script>il documento</p>', { attachments: [base64File('Documento Identità.pdf', 'application/pdf', PDF)] });
    expect(posted.status).toBe(201);
    expectShapeOf('message', posted.body);
    const m = posted.body as { id: string; attachments: { id: string; url: string; original_name: string; mime_type: null; description: string }[] } & Record<string, unknown>;
    expect(Object.keys(m)).toEqual(['id', 'message', 'subject', 'author', 'application', 'visibility', 'email', 'created_at', 'sent_at', 'read_at', 'clicked_at', 'attachments', 'protocol_required', 'protocolled_at', 'protocol_number']);
    expect(m).toMatchObject({ message: '<p>Allego xil documento</p>', subject: null, application: id, visibility: 'applicant', email: 'luigi.verdi@example.it', protocol_required: null, read_at: null });
    expect(m.sent_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+00:00$/);
    const [att] = m.attachments;
    expect(att).toMatchObject({ mime_type: null, file: null, original_name: 'documento-identit.pdf', description: 'Allegato - Documento Identità.pdf', protocol_required: true });
    expect(att!.url).toBe(`${api}/applications/${m.id}/messages/${m.id}/attachments/${att!.id}`);

    const list = await kiosk.messages(id);
    expect(list.status).toBe(200);
    expect(Array.isArray(list.body)).toBe(true);
    const listed = (list.body as (typeof m)[])[0]!;
    expect(listed.attachments[0]!.url).toBe(`${api}/applications/${id}/messages/${m.id}/attachments/${att!.id}`);
    for (const url of [listed.attachments[0]!.url, att!.url]) {
      const file = await http.get(url, { headers: kiosk.headers, responseType: 'arraybuffer' });
      expect(file.status).toBe(200);
      expect(Buffer.from(file.data as ArrayBuffer).equals(PDF)).toBe(true);
      expect(file.headers['content-disposition']).toMatch(/^attachment; filename="/);
    }
    const one = await kiosk.call('GET', `/applications/${id}/messages/${m.id}`);
    expect(one).toMatchObject({ status: 200, body: { id: m.id, attachments: [{ url: att!.url }] } });
    // `{id}` is ignored: any application id finds the message.
    expect((await kiosk.call('GET', `/applications/00000000-0000-4000-8000-000000000000/messages/${m.id}`)).status).toBe(200);
  });

  it('elenco in ordine di creazione, senza i messaggi internal (che per id si leggono); lo stato non cambia', async () => {
    const id = await newApplication();
    expect((await kiosk.postMessage(id, 'primo')).status).toBe(201);
    const internal = await kiosk.postMessage(id, 'nota interna', { visibility: 'internal' });
    expect(internal).toMatchObject({ status: 201, body: { visibility: 'internal', email: null, sent_at: null } });
    expect((await kiosk.postMessage(id, 'terzo')).status).toBe(201);
    const list = (await office.messages(id)).body as { message: string }[];
    expect(list.map((x) => x.message)).toEqual(['primo', 'terzo']);
    expect(storedMessages(portal, id).map((x) => x.visibility)).toEqual(['applicant', 'internal', 'applicant']);
    expect((await office.call('GET', `/applications/${id}/messages/${(internal.body as { id: string }).id}`)).status).toBe(200);
    expect((await kiosk.call('GET', `/applications/${id}`)).body).toMatchObject({ status: '2000' });
  });

  it('errori del modulo: messaggio obbligatorio, i quattro controlli sugli allegati, visibility mancante 500 senza salvare', async () => {
    const id = await newApplication();
    const missing = await kiosk.call('POST', `/applications/${id}/messages`, { visibility: 'applicant' });
    expect(missing).toMatchObject({ status: 400, body: { type: 'validation_error', title: 'There was a validation error', errors: [['Message is mandatory: message', 'Message is mandatory: message']] } });
    const file = (name: string, mime: string, data = 'eA==') => ({ name, mime_type: mime, file: data });
    for (const [f, error] of [
      [file('a.pdf', 'application/x-msdownload'), 'Mime type non valido: message_form'],
      [file('senza-estensione', 'application/pdf'), "E'obbligatorio specificare l'estensione del file le campo name: message_form"],
      [file('a.PDF', 'application/pdf'), 'Estensione non valida: message_form'],
      [file('a.pdf', 'application/pdf', ''), 'Il campo file è obbligatorio: message_form'],
    ] as const) {
      const res = await kiosk.call('POST', `/applications/${id}/messages`, { message: 'x', visibility: 'applicant', attachments: [f] });
      expect(res, error).toMatchObject({ status: 400, body: { type: 'validation_error', errors: [error] } });
    }
    // Extension and MIME type are not cross-checked.
    expect((await kiosk.call('POST', `/applications/${id}/messages`, { message: 'x', visibility: 'applicant', attachments: [file('a.png', 'application/pdf')] })).status).toBe(201);
    const noVisibility = await kiosk.call('POST', `/applications/${id}/messages`, { message: 'senza visibilità' });
    expect(noVisibility).toMatchObject({ status: 500, body: { type: 'error', title: 'There was an error during save process' } });
    expect(storedMessages(portal, id).map((x) => x.message)).toEqual(['x']);
    expect(await kiosk.call('POST', '/applications/00000000-0000-4000-8000-000000000000/messages', { message: 'x', visibility: 'applicant' })).toMatchObject({ status: 404, body: ['Application not found'] });
    expect(await kiosk.call('GET', `/applications/${id}/messages/00000000-0000-4000-8000-000000000000`)).toMatchObject({ status: 404, body: ['Message not found'] });
  });

  it('permessi: VIEW per elenco e invio, MessageVoter per lettura, allegato e PATCH; 403 è una pagina, non JSON', async () => {
    const id = await newApplication();
    const m = (await kiosk.postMessage(id, 'ciao', { attachments: [base64File('a.pdf', 'application/pdf', PDF)] })).body as { id: string; attachments: { id: string; url: string }[] };
    const nobody = officeWith(portal, await bearer(api, 'nessuno', 'nessuno-demo'));
    for (const res of [await nobody.messages(id), await nobody.postMessage(id, 'x'), await nobody.call('GET', `/applications/${id}/messages/${m.id}`), await nobody.call('PATCH', `/applications/${id}/messages/${m.id}`, {})]) {
      expect(res.status).toBe(403);
      expect(String(res.body)).toContain('<html');
    }
    expect((await http.get(m.attachments[0]!.url, { headers: nobody.headers })).status).toBe(403);
    const admin = officeWith(portal, await bearer(api, 'admin', 'admin-demo'));
    expect((await admin.messages(id)).status).toBe(200);
    expect((await admin.call('PATCH', `/applications/${id}/messages/${m.id}`, { read_at: '2026-06-05T10:00:00+00:00' })).status).toBe(200);

    const citizen = await citizenToken(portal, FISCAL_CODE);
    expect((await citizen.messages(id)).status).toBe(200);
    expect((await citizen.call('GET', `/applications/${id}/messages/${m.id}`)).status).toBe(200);
    expect((await citizen.call('PATCH', `/applications/${id}/messages/${m.id}`, { read_at: '2026-06-05T10:00:00+00:00' })).status).toBe(403);
    // A citizen's token opens only what a citizen's behaviour is reproduced for: not the office's transitions.
    expect((await citizen.transition(id, 'register', { protocol_number: 'x' })).status).toBe(401);
    expect(await kiosk.call('GET', `/applications/${id}/messages/${m.id}/attachments/00000000-0000-4000-8000-000000000000`)).toMatchObject({ status: 404, body: ['Attachment not found'] });
  });

  it('a chi va la mail: il messaggio di un operatore al cittadino; quello del cittadino all\'operatore incaricato, e senza incaricato 500 dopo averlo salvato', async () => {
    const id = await newApplication();
    const citizen = await citizenToken(portal, FISCAL_CODE);
    const before = await citizen.postMessage(id, 'nessuno ha ancora preso in carico');
    expect(before.status).toBe(500);
    expect(storedMessages(portal, id)).toMatchObject([{ message: 'nessuno ha ancora preso in carico', sentAt: null, author: { role: 'citizen', fiscalCode: FISCAL_CODE } }]);

    expect((await office.register(id, 'P-MAIL-1')).status).toBe(204);
    expect((await office.assign(id)).status).toBe(204);
    const after = await citizen.postMessage(id, 'ora sì');
    // The operator has no contact address: `email` null, `sent_at` set.
    expect(after).toMatchObject({ status: 201, body: { email: null, sent_at: expect.any(String) } });
    const fromOffice = await office.postMessage(id, 'risposta');
    expect(fromOffice).toMatchObject({ status: 201, body: { email: 'luigi.verdi@example.it', sent_at: expect.any(String) } });
    expect(storedMessages(portal, id).map((x) => x.author?.username ?? x.author?.fiscalCode)).toEqual([FISCAL_CODE, FISCAL_CODE, 'operatore']);
  });

  it('PATCH: 200 ["Message Patched Successfully"], applica ogni campo (non solo quelli ammessi), date non cancellabili, col protocollo si blocca', async () => {
    const id = await newApplication();
    const m = (await kiosk.postMessage(id, 'originale', { attachments: [base64File('a.pdf', 'application/pdf', PDF)] })).body as { id: string };
    const path = `/applications/${id}/messages/${m.id}`;
    expect(await kiosk.call('PATCH', path, { read_at: '2026-06-05T10:00:00+00:00', message: 'cambiato', visibility: 'internal' })).toMatchObject({ status: 200, body: ['Message Patched Successfully'] });
    expect((await kiosk.call('GET', path)).body).toMatchObject({ message: 'cambiato', visibility: 'internal', read_at: '2026-06-05T10:00:00+00:00' });
    expect((await kiosk.call('PATCH', path, { read_at: null })).status).toBe(200);
    expect((await kiosk.call('GET', path)).body).toMatchObject({ read_at: '2026-06-05T10:00:00+00:00' });
    expect(await kiosk.call('PATCH', path, { message: '' })).toMatchObject({ status: 400, body: { type: 'validation_error' } });
    expect((await kiosk.call('PATCH', path, { protocol_number: 'PM-1' })).status).toBe(200);
    expect((await kiosk.call('GET', path)).body).toMatchObject({ protocol_number: 'PM-1', attachments: [{ protocol_number: 'PM-1' }] });
    expect(await kiosk.call('PATCH', path, { read_at: '2026-06-06T10:00:00+00:00' })).toMatchObject({ status: 403, body: ["Message has been protocolled, you can't update it!"] });
    expect(await kiosk.call('PATCH', `/applications/${id}/messages/00000000-0000-4000-8000-000000000000`, {})).toMatchObject({ status: 404, body: ['Message not found'] });
  });
});
