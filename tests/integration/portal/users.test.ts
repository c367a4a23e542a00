/**
 * The reference portal's citizens list against UsersAPIController::getUsersAction: `cf` compared
 * lower-cased, `roles` without `user` refuses `cf` with 400, a citizen sees only themself, no token 401.
 */
import { describe, expect, it } from 'vitest';
import { citizenToken, officeWith } from '../../portal/office';
import { startPortal } from '../../portal/server';
import { closeAfterEach } from '../../support/close-after-each';
import { SERVICE, TEST_CATALOGUE } from '../sync/kiosk';
import { bearer, http, TEST_ACCOUNTS } from './portal-support';

const ROSSI = 'RSSMRA80A01H501U';
const VERDI = 'VRDLGU70A01H501S';
const person = (cf: string, name: string) => ({ data: { fiscal_code: { data: { fiscal_code: cf } }, completename: { data: { name, surname: 'Test' } }, email_address: `${name}@example.it` } });

const closing = closeAfterEach();

/** A portal where Mario and Luigi exist: each named by an application (PraticaManager::checkUser creates the user). */
async function portalWithCitizens() {
  const portal = closing(await startPortal({ catalogueDir: TEST_CATALOGUE, accounts: TEST_ACCOUNTS }));
  const api = `${portal.url}/${portal.tenant}/api`;
  const kiosk = officeWith(portal, await bearer(api, 'chiosco', 'chiosco-demo'));
  for (const [cf, name] of [[ROSSI, 'Mario'], [VERDI, 'Luigi']] as const) {
    expect((await kiosk.call('POST', '/applications', { service: SERVICE.id, data: { applicant: person(cf, name) }, status: 1900 })).status).toBe(201);
  }
  return { portal, api, kiosk };
}

describe('utenti: come UsersAPIController', () => {
  it("cf confrontato in minuscolo: l'utente di quel codice fiscale, con l'id che le sue pratiche portano in `user`", async () => {
    const { kiosk } = await portalWithCitizens();
    const list = await kiosk.call('GET', `/users?cf=${ROSSI.toLowerCase()}`);
    expect(list.status).toBe(200);
    expect(list.body).toEqual([expect.objectContaining({ codice_fiscale: ROSSI, nome: 'Mario', role: 'user' })]);
    const id = (list.body as { id: string }[])[0]!.id;
    const apps = (await kiosk.call('GET', '/applications')).body as { data: { user: string; data: Record<string, unknown> }[] };
    expect(apps.data.filter((a) => a.user === id).map((a) => a.data['applicant.data.fiscal_code.data.fiscal_code'])).toEqual([ROSSI]);
    expect((await kiosk.call('GET', '/users?cf=XXXXXX00A00X000X')).body).toEqual([]);
  });

  it('cf senza il ruolo user: 400; un cittadino vede solo sé stesso; senza token 401', async () => {
    const { portal, api, kiosk } = await portalWithCitizens();
    expect(await kiosk.call('GET', `/users?cf=${ROSSI}&roles=operator`)).toEqual({
      status: 400,
      body: { type: 'error', title: 'Invalid cf query parameter', description: 'You cannot search for a user by cf if you do not select the user role ' },
    });
    const mario = await citizenToken(portal, ROSSI);
    expect(((await mario.call('GET', '/users')).body as { codice_fiscale: string }[]).map((u) => u.codice_fiscale)).toEqual([ROSSI]);
    expect((await mario.call('GET', `/users?cf=${VERDI}`)).body).toEqual([]);
    expect((await http.get(`${api}/users?cf=${ROSSI}`)).status).toBe(401);
  });
});
