/**
 * The reference portal behaves as the real one (each check names the real behaviour; the
 * portal's route modules name the real file): services as ServiceDto with forms on a separate
 * form server, the upload without token and with a presigned PUT signed for the MIME type,
 * the create that links files only from file fields, errors as the real bodies, and answers of
 * the same shapes as tests/fixtures/sdc. Plus what is ours: token expiry and the fault switch.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serviceFileSchema } from '../../../electron/core/catalogue/format';
import { applicationSchema, historySchema, servicesSchema, uploadCreatedSchema } from '../../../electron/core/sync/portal-schemas';
import { startPortal, type Portal } from '../../portal/server';
import { SERVICE, TEST_CATALOGUE } from '../sync/kiosk';
import { bearer, expectShapeOf, http, TEST_ACCOUNTS, upload } from './portal-support';

let portal: Portal;
let base: string;
let api: string;
let kiosk: Record<string, string>;
const applicant = { data: { fiscal_code: { data: { fiscal_code: 'BNCNNA85M41H501Z' } }, completename: { data: { name: 'Anna', surname: 'Bianchi' } } } };

beforeAll(async () => {
  portal = await startPortal({ catalogueDir: TEST_CATALOGUE, tokenTtlSeconds: 2, accounts: TEST_ACCOUNTS });
  base = `${portal.url}/${portal.tenant}`;
  api = `${base}/api`;
  kiosk = await bearer(api, 'chiosco', 'chiosco-demo');
});
afterAll(() => portal.close());

describe('portale di riferimento: come il portale reale', () => {
  it('auth: credenziali errate e token mancante come lexik JWT', async () => {
    expect(await http.post(`${api}/auth`, { username: 'chiosco', password: 'no' })).toMatchObject({ status: 401, data: { code: 401, message: 'Invalid credentials.' } });
    expect(await http.get(`${api}/applications`)).toMatchObject({ status: 401, data: { code: 401, message: 'JWT Token not found' } });
  });

  it('servizi: ServiceDto (payment_parameters [], topics slug, url del form server), modulo dal form server, che è un altro host', async () => {
    const res = await http.get(`${api}/services`);
    const list = servicesSchema.parse(res.data);
    for (const s of list) {
      expectShapeOf('services', s, (b) => (b as unknown[])[0]);
      expect(s.payment_parameters).toEqual([]);
      expect(Object.keys(s).some((k) => k.startsWith('x_sportello'))).toBe(false);
      expect(serviceFileSchema.safeParse(s).success).toBe(true);
    }
    const step = (list[0]!.flow_steps as { parameters: { formio_id: string; url: string } }[])[0]!;
    expect(step.parameters.url).toBe(`${portal.formServerUrl}/form/`);
    expect(new URL(portal.formServerUrl).port).not.toBe(new URL(portal.url).port);
    expect((await http.get(`${step.parameters.url}${step.parameters.formio_id}`)).data).toMatchObject({ _id: step.parameters.formio_id });
    expect((await http.get(`${portal.url}/form-server/form/${step.parameters.formio_id}`)).status).toBe(404);
    expect((await http.get(`${api}/services/${SERVICE.id}/form`)).data).toMatchObject({ _id: 'certificato' });
    expect(await http.get(`${api}/services/non-esiste`)).toMatchObject({ status: 404, data: ['Object not found'] });
  });

  it('upload senza token; PUT firmato per il tipo MIME; conferma 204 senza corpo; id sconosciuto 404', async () => {
    const created = await http.post(`${base}/it/upload`, { original_filename: 'foto.jpg', mime_type: 'image/jpeg' });
    expect(created.status).toBe(201);
    expectShapeOf('upload-created', created.data);
    const { id, uri } = uploadCreatedSchema.parse(created.data);
    const wrongType = await http.put(uri, Buffer.from('x'), { headers: { 'content-type': 'application/octet-stream' } });
    expect(wrongType.status).toBe(403);
    expect(String(wrongType.data)).toContain('SignatureDoesNotMatch');
    const put = await http.put(uri, Buffer.from('jpeg'), { headers: { 'content-type': 'image/jpeg' } });
    expect(put.status).toBe(200);
    expect(put.headers.etag).toMatch(/^"[0-9a-f]{32}"$/);
    const done = await http.put(`${base}/it/upload/${id}`, { file_hash: 'qualsiasi', check_signature: false });
    expect(done.status).toBe(204);
    expect(done.data).toBe('');
    expect((await http.put(`${base}/it/upload/00000000-0000-4000-8000-000000000000`, { file_hash: 'x' })).status).toBe(404);
  });

  it('creazione: service per uuid o identifier (non slug); file collegati solo dai campi file del modulo', async () => {
    expect(await http.post(`${api}/applications`, { service: SERVICE.slug, data: { applicant }, status: 1900 }, { headers: kiosk })).toMatchObject({ status: 400, data: ['Service not found'] });
    expect(await http.post(`${api}/applications`, { service: SERVICE.id, data: {}, status: 1900 }, { headers: kiosk })).toMatchObject({ status: 400, data: ['Empty application are not allowed'] });
    expect(await http.post(`${api}/applications`, { service: SERVICE.id, data: { applicant }, altro: 1 }, { headers: kiosk })).toMatchObject({ status: 400, data: { type: 'validation_error' } });

    const linked = await upload(base, randomBytes(64));
    const ignored = await upload(base, randomBytes(64));
    const file = (id: string) => [{ name: 'documento.pdf', originalName: 'documento.pdf', fileType: 'Documento', data: { id } }];
    const res = await http.post(
      `${api}/applications`,
      { service: 'inad-certificato-residenza', data: { applicant, allegati: file(linked), non_un_campo_file: file(ignored), sportello_client_reference: 'r-1' }, status: 1900 },
      { headers: kiosk },
    );
    expect(res.status).toBe(201);
    expectShapeOf('application', res.data);
    const app = applicationSchema.parse(res.data);
    expect(res.data).toMatchObject({ status: '2000', data: { 'applicant.data.fiscal_code.data.fiscal_code': 'BNCNNA85M41H501Z', sportello_client_reference: 'r-1' } });
    expect(app.attachments.map((a) => a.id)).toEqual([linked]);
    expect(app.attachments[0]).toMatchObject({ description: 'Documento' });
    expect(Object.keys(app.attachments[0]!)).not.toContain('mime_type');

    const unknown = await http.post(`${api}/applications`, { service: SERVICE.id, data: { applicant, allegati: file('6f1c0000-0000-4000-8000-000000000099') }, status: 1900 }, { headers: kiosk });
    expect(unknown).toMatchObject({ status: 500, data: { type: 'error', title: 'There was an error during save process' } });

    const history = await http.get(`${api}/applications/${app.id}/history`, { headers: kiosk });
    expect(historySchema.parse(history.data).map((h) => h.status_code)).toEqual([1900, 2000]);
    for (const h of history.data as unknown[]) expectShapeOf('history', h, (b) => (b as unknown[])[0]);
  });

  it('elenco: service è uno slug, limit 10 (>100 è 400), date Y-m-d o ATOM, nessun filtro su data, ordine di creazione', async () => {
    const refs: string[] = [];
    for (let i = 0; i < 11; i++) {
      const r = `lista-${i}`;
      refs.push(r);
      expect((await http.post(`${api}/applications`, { service: SERVICE.id, data: { applicant, sportello_client_reference: r }, status: 1900 }, { headers: kiosk })).status).toBe(201);
    }
    const today = new Date().toISOString().slice(0, 10);
    const page = await http.get(`${api}/applications`, { headers: kiosk, params: { service: SERVICE.slug, 'createdAt[after]': today, 'data.sportello_client_reference': 'lista-3' } });
    expect(page.status).toBe(200);
    expectShapeOf('applications-page', page.data);
    const body = page.data as { meta: { count: number }; links: { next: string | null }; data: { data: Record<string, unknown> }[] };
    expect(body.data).toHaveLength(10);
    expect(body.meta.count).toBeGreaterThan(11);
    expect(body.links.next).toContain('offset=10');
    const second = await http.get(body.links.next!, { headers: kiosk });
    const all = [...body.data, ...(second.data as typeof body).data].map((a) => a.data.sportello_client_reference).filter((r) => typeof r === 'string' && r.startsWith('lista-'));
    expect(all).toEqual(refs);

    expect(await http.get(`${api}/applications`, { headers: kiosk, params: { service: SERVICE.id } })).toMatchObject({ status: 404, data: ['Service not found'] });
    expect(await http.get(`${api}/applications`, { headers: kiosk, params: { limit: 101 } })).toMatchObject({ status: 400, data: ['Limit parameter is too high'] });
    const withMs = await http.get(`${api}/applications`, { headers: kiosk, params: { 'createdAt[after]': new Date().toISOString() } });
    expect(withMs).toMatchObject({ status: 400, data: [expect.stringContaining('yyyy-mm-dd')] });
    const atom = `${new Date(Date.now() - 3600_000).toISOString().slice(0, 19)}+00:00`;
    expect((await http.get(`${api}/applications`, { headers: kiosk, params: { 'createdAt[after]': atom } })).status).toBe(200);
  });

  it("permessi di un operatore: 403 se non vede ancora nulla, 403 per un servizio che non vede", async () => {
    const nobody = await bearer(api, 'nessuno', 'nessuno-demo');
    const nothing = await http.get(`${api}/applications`, { headers: nobody, params: { service: SERVICE.slug } });
    expect(nothing).toMatchObject({ status: 403, data: ['You are not allowed to view applications'] });
    const some = (await http.get(`${api}/applications`, { headers: kiosk, params: { limit: 1 } })).data as { data: { id: string }[] };
    expect(await http.get(`${api}/applications/${some.data[0]!.id}`, { headers: nobody })).toMatchObject({ status: 403 });

    expect((await http.post(`${api}/applications`, { service: 'inad-iscrizione-mensa', data: { applicant }, status: 1900 }, { headers: kiosk })).status).toBe(201);
    const canteen = await bearer(api, 'mensa', 'mensa-demo');
    expect((await http.get(`${api}/applications`, { headers: canteen, params: { service: 'iscrizione-mensa' } })).status).toBe(200);
    const other = await http.get(`${api}/applications`, { headers: canteen, params: { service: SERVICE.slug } });
    expect(other).toMatchObject({ status: 403, data: ['You are not allowed to view applications of passed service'] });
  });

  it('aree, destinatari, uffici e comune: le liste pubbliche del portale', async () => {
    for (const [path, fixture] of [['categories', 'categories'], ['recipients', 'recipients'], ['user-groups', 'user-groups']] as const) {
      const res = await http.get(`${api}/${path}`);
      expect(res.status).toBe(200);
      for (const item of res.data as unknown[]) expectShapeOf(fixture, item, (b) => (b as unknown[])[0]);
    }
    expectShapeOf('tenant-info', (await http.get(`${api}/tenants/info`)).data);
  });

  it('non ha ciò che il portale reale non ha: rilasci PIN, filtri inventati', async () => {
    expect((await http.post(`${api}/pin-releases`, {}, { headers: kiosk })).status).toBe(404);
    expect((await http.patch(`${api}/applications/x`, {}, { headers: kiosk })).status).toBe(405);
  });
});

describe('portale di riferimento: i controlli nostri', () => {
  it('il token scade (TTL) e dopo expire-tokens; i guasti si impostano dall\'endpoint di amministrazione', async () => {
    const headers = await bearer(api, 'chiosco', 'chiosco-demo');
    expect((await http.get(`${api}/applications`, { headers, params: { limit: 1 } })).status).toBe(200);
    portal.expireTokens();
    expect(await http.get(`${api}/applications`, { headers })).toMatchObject({ status: 401, data: { message: 'Expired JWT Token' } });
    const admin = { 'x-portal-admin': portal.adminKey };
    expect((await http.put(`${portal.url}/__admin/faults`, { serverErrorRate: 1 }, { headers: admin })).status).toBe(200);
    expect((await http.get(`${api}/services`)).status).toBe(503);
    expect((await http.put(`${portal.url}/__admin/faults`, {}, { headers: admin })).status).toBe(200);
    expect((await http.get(`${api}/services`)).status).toBe(200);
  });
});
