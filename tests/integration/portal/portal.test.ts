/**
 * The reference portal over real HTTP: the paths, fields and status codes the app relies on,
 * request validation, token expiry, the upload's hash check, and the admin fault switch.
 */
import axios, { type AxiosResponse } from 'axios';
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPortal, type Portal } from '../../portal/server';
import { TEST_CATALOGUE } from '../sync/kiosk';

const http = axios.create({ validateStatus: () => true });
let portal: Portal;
let api: string;
let base: string;
let kiosk: Record<string, string>;

async function login(username: string, password: string): Promise<Record<string, string>> {
  const res = await http.post(`${api}/auth`, { username, password });
  expect(res.status).toBe(200);
  return { authorization: `Bearer ${(res.data as { token: string }).token}` };
}

async function upload(bytes: Buffer, headers = kiosk, hash = createHash('sha256').update(bytes).digest('hex')): Promise<[string, AxiosResponse]> {
  const created = await http.post(`${base}/it/upload`, { original_filename: 'a.pdf', mime_type: 'application/pdf' }, { headers });
  expect(created.status).toBe(201);
  const { id, uri } = created.data as { id: string; uri: string };
  expect((await http.put(uri, bytes, { headers: { 'content-type': 'application/octet-stream' } })).status).toBe(200);
  return [id, await http.put(`${base}/it/upload/${id}`, { file_hash: hash }, { headers })];
}

const applicant = (cf: string) => ({ data: { fiscal_code: { data: { fiscal_code: cf } }, completename: { data: { name: 'Anna', surname: 'Bianchi' } } } });

beforeAll(async () => {
  portal = await startPortal({ catalogueDir: TEST_CATALOGUE, tokenTtlSeconds: 2 });
  base = `${portal.url}/${portal.tenant}`;
  api = `${base}/api`;
  kiosk = await login('chiosco', 'chiosco-demo');
});
afterAll(() => portal.close());

describe('portale di riferimento', () => {
  it('auth: credenziali errate 401, corpo non valido 400 con i campi', async () => {
    expect((await http.post(`${api}/auth`, { username: 'chiosco', password: 'sbagliata' })).status).toBe(401);
    const bad = await http.post(`${api}/auth`, { username: 'chiosco' });
    expect(bad.status).toBe(400);
    expect(bad.data.errors).toEqual([expect.objectContaining({ property: 'password' })]);
  });

  it('servizi come array, modulo del primo passo, moduli annidati dal form server', async () => {
    const list = await http.get(`${api}/services`);
    expect(list.data.map((s: { slug: string }) => s.slug).sort()).toEqual(['certificato-residenza', 'iscrizione-mensa']);
    const form = await http.get(`${api}/services/certificato-residenza/form`);
    expect(form.data).toMatchObject({ _id: 'certificato', components: expect.arrayContaining([{ type: 'form', form: 'anagrafica', key: 'applicant' }]) });
    expect((await http.get(`${portal.url}/form-server/form/nome-cognome`)).data._id).toBe('nome-cognome');
    expect((await http.get(`${api}/services/inesistente`)).status).toBe(404);
    expect((await http.get(`${portal.url}/altro-comune/api/services`)).status).toBe(404);
  });

  it('upload in tre passi: un hash diverso dai byte ricevuti viene rifiutato', async () => {
    const [, ok] = await upload(Buffer.from('contenuto'));
    expect(ok.status).toBe(200);
    const [, wrong] = await upload(Buffer.from('contenuto'), kiosk, '0'.repeat(64));
    expect(wrong.status).toBe(400);
  });

  it('creazione per conto del cittadino, busta paginata, filtro sui dati, storico, transizioni, file di esito', async () => {
    const [fileId] = await upload(Buffer.from('allegato'));
    const created = await http.post(
      `${api}/applications`,
      { service: 'certificato-residenza', status: 1900, data: { applicant: applicant('BNCNNA85M41H501Z'), rif: 'r-1', allegati: [{ data: { id: fileId } }] } },
      { headers: kiosk },
    );
    expect(created.status).toBe(201);
    expect(created.data).toMatchObject({ status: '2000', service: 'certificato-residenza', user_name: 'Anna Bianchi', attachments: [expect.objectContaining({ id: fileId })] });
    const id = created.data.id as string;

    const page = await http.get(`${api}/applications`, { headers: kiosk, params: { 'data.rif': 'r-1', limit: 1 } });
    expect(page.data).toMatchObject({ meta: { count: 1, parameter: { offset: 0, limit: 1 } }, links: { prev: null, next: null } });
    expect((await http.get(`${api}/applications`, { headers: kiosk, params: { 'data.rif': 'altro' } })).data.meta.count).toBe(0);
    expect((await http.get(`${api}/applications`, { headers: kiosk, params: { 'data.rif); DROP': 'x' } })).status).toBe(400);

    expect((await http.post(`${api}/applications/${id}/transition/register`, { protocol_number: 'P-1' }, { headers: kiosk })).status).toBe(403);
    const office = await login('operatore', 'operatore-demo');
    expect((await http.post(`${api}/applications/${id}/transition/accept`, { message: 'ok' }, { headers: office })).status).toBe(204);
    expect((await http.post(`${api}/applications/${id}/transition/reject`, { message: 'no' }, { headers: office })).status).toBe(400);
    const history = await http.get(`${api}/applications/${id}/history`, { headers: kiosk });
    expect(history.data.map((h: { status: string }) => h.status)).toEqual(['1900', '2000', '7000']);
    expect((await http.post(`${api}/applications/${id}/messages`, { message: 'grazie' }, { headers: kiosk })).status).toBe(201);
    expect((await http.get(`${api}/applications/${id}/messages`, { headers: kiosk })).data).toHaveLength(1);
  });

  it('un allegato non finalizzato non può essere referenziato', async () => {
    const created = await http.post(`${base}/it/upload`, { original_filename: 'b.pdf', mime_type: 'application/pdf' }, { headers: kiosk });
    const res = await http.post(
      `${api}/applications`,
      { service: 'certificato-residenza', status: 1900, data: { applicant: applicant('BNCNNA85M41H501Z'), allegati: [{ data: { id: created.data.id } }] } },
      { headers: kiosk },
    );
    expect(res.status).toBe(400);
  });

  it('il token scade (TTL) e dopo expire-tokens; i guasti si impostano dall\'endpoint di amministrazione', async () => {
    const headers = await login('chiosco', 'chiosco-demo');
    expect((await http.get(`${api}/applications`, { headers })).status).toBe(200);
    portal.expireTokens();
    expect((await http.get(`${api}/applications`, { headers })).status).toBe(401);
    const fresh = await login('chiosco', 'chiosco-demo');
    await new Promise((r) => setTimeout(r, 3100));
    expect((await http.get(`${api}/applications`, { headers: fresh })).status).toBe(401);

    expect((await http.put(`${portal.url}/__admin/faults`, { serverErrorRate: 1 })).status).toBe(403);
    const admin = { 'x-portal-admin': portal.adminKey };
    expect((await http.put(`${portal.url}/__admin/faults`, { tooManyRequestsRate: 1, retryAfterSeconds: 7 }, { headers: admin })).status).toBe(200);
    const limited = await http.get(`${api}/services`);
    expect(limited.status).toBe(429);
    expect(limited.headers['retry-after']).toBe('7');
    expect((await http.put(`${portal.url}/__admin/faults`, {}, { headers: admin })).status).toBe(200);
    expect((await http.get(`${api}/services`)).status).toBe(200);
  });
});
