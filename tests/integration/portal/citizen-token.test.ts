/**
 * A citizen's token (from the card login and `api/session-auth`) on the applications API, as
 * ApplicationsAPIController.php, ApplicationVoter.php, PraticaRepository::getApplications and
 * PraticaManager::validateUserData treat it: the citizen lists and reads only their own
 * applications, and creates only with their own fiscal code, name and surname.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestCa, issueCitizenCertificate } from '../../../native/test-pki';
import { citizenByFiscalCode } from '../../portal/accounts';
import { officeWith, type Office } from '../../portal/office';
import { startPortal, type Portal } from '../../portal/server';
import { SERVICE, TEST_CATALOGUE } from '../sync/kiosk';
import { bearer, cookieOf, http, httpsGet, TEST_ACCOUNTS, upload } from './portal-support';

const ca = createTestCa();
const MARIO = { codiceFiscale: 'RSSMRA80A01H501U', givenName: 'MARIO', surname: 'ROSSI', cardSerial: '6120016461039008' };
const applicantOf = (fiscalCode: string, name: string, surname: string) => ({
  data: { fiscal_code: { data: { fiscal_code: fiscalCode } }, completename: { data: { name, surname } } },
});
// The office typed a second name the card does not have: the card's name is what counts once the citizen logs in.
const mario = applicantOf(MARIO.codiceFiscale, 'Mario Antonio', 'Rossi');
const luigi = applicantOf('VRDLGU70A01H501S', 'Luigi', 'Verdi');

let portal: Portal;
let kiosk: Office;
let citizen: Office;
let marioApp: string;
let luigiApp: string;

async function create(office: Office, applicant: unknown): Promise<{ status: number; body: unknown }> {
  return office.call('POST', '/applications', { service: SERVICE.id, data: { applicant }, status: 1900 });
}

const count = () => (portal.db.prepare('SELECT count(*) AS n FROM applications').get() as { n: number }).n;

beforeAll(async () => {
  portal = await startPortal({ catalogueDir: TEST_CATALOGUE, accounts: TEST_ACCOUNTS, cnsLogin: { caPem: ca.certificatePem } });
  const api = `${portal.url}/${portal.tenant}/api`;
  kiosk = officeWith(portal, await bearer(api, 'chiosco', 'chiosco-demo'));
  marioApp = ((await create(kiosk, mario)).body as { id: string }).id;
  luigiApp = ((await create(kiosk, luigi)).body as { id: string }).id;
  const logged = await httpsGet(portal.cnsLoginUrl!, { ca: portal.tlsCertificatePem!, client: issueCitizenCertificate(ca, { holder: MARIO }) });
  const token = (await http.get(`${api}/session-auth`, { headers: { cookie: cookieOf(logged) } })).data as { token: string };
  citizen = officeWith(portal, { authorization: `Bearer ${token.token}` });
});
afterAll(() => portal.close());

describe('il token di un cittadino: solo le sue pratiche', () => {
  it("l'elenco ha le sue pratiche e non quelle degli altri, anche filtrando per servizio", async () => {
    const all = await citizen.call('GET', '/applications');
    expect(all.status).toBe(200);
    const page = all.body as { meta: { count: number }; data: { id: string; user: string }[] };
    expect(page.data.map((a) => a.id)).toEqual([marioApp]);
    expect(page.meta.count).toBe(1);
    const byService = (await citizen.call('GET', `/applications?service=${SERVICE.slug}`)).body as { data: { id: string }[] };
    expect(byService.data.map((a) => a.id)).toEqual([marioApp]);
    // The kiosk's operator still sees both.
    const kioskIds = ((await kiosk.call('GET', '/applications')).body as { data: { id: string }[] }).data.map((a) => a.id);
    expect(kioskIds).toEqual(expect.arrayContaining([marioApp, luigiApp]));
  });

  it("la pratica di un altro: 403 in lettura, 400 per lo storico, la pagina 403 per l'allegato; la sua sì", async () => {
    expect(await citizen.call('GET', `/applications/${luigiApp}`)).toEqual({ status: 403, body: ['You are not allowed to view this application'] });
    expect(await citizen.call('GET', `/applications/${luigiApp}/history`)).toEqual({ status: 400, body: ['Identifier conversion error'] });
    const file = await upload(`${portal.url}/${portal.tenant}`, Buffer.from('%PDF-1.4 allegato'));
    const other = await citizen.call('GET', `/applications/${luigiApp}/attachments/${file}`);
    expect(other.status).toBe(403);
    expect(other.body).toMatch(/^<!DOCTYPE html>/);
    expect((await citizen.call('GET', `/applications/${marioApp}`)).body).toMatchObject({ id: marioApp, status: '2000' });
    expect((await citizen.call('GET', `/applications/${marioApp}/history`)).status).toBe(200);
    expect((await citizen.call('GET', `/applications/${marioApp}/attachments/${file}`)).status).toBe(200);
  });
});

describe('il cittadino crea solo per sé: PraticaManager::validateUserData', () => {
  it('codice fiscale, nome o cognome di un altro: 400 con il messaggio del portale, nulla salvato', async () => {
    const before = count();
    const title = 'There was an error during save process';
    expect(await create(citizen, luigi)).toEqual({
      status: 400,
      body: { type: 'error', title, description: 'Il codice fiscale inserito non coincide con quello restituito dal sistema di autenticazione.' },
    });
    expect(await create(citizen, applicantOf(MARIO.codiceFiscale, 'Luigi', 'Rossi'))).toEqual({
      status: 400,
      body: { type: 'error', title, description: 'Il Nome non coincide con quello restituito dal sistema di autenticazione' },
    });
    expect(await create(citizen, applicantOf(MARIO.codiceFiscale, 'Mario', 'Verdi'))).toEqual({
      status: 400,
      body: { type: 'error', title, description: 'Il Cognome non coincide con quello restituito dal sistema di autenticazione' },
    });
    expect(count()).toBe(before);
  });

  it('i suoi dati (quelli della carta), maiuscole o no: 201, la pratica è sua e la vede', async () => {
    const res = await create(citizen, applicantOf(MARIO.codiceFiscale.toLowerCase(), 'mario', 'Rossi'));
    expect(res.status).toBe(201);
    const created = res.body as { id: string; user: string };
    expect(created.user).toBe(citizenByFiscalCode(portal.db, MARIO.codiceFiscale)!.id);
    const mine = ((await citizen.call('GET', '/applications')).body as { data: { id: string }[] }).data;
    expect(mine.map((a) => a.id)).toEqual([marioApp, created.id]);
  });
});
