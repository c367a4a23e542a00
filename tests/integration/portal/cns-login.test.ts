/**
 * The card login of the reference portal, against PatAuthenticator.php, AbstractAuthenticator.php,
 * CPSUserProvider.php, SessionAuthAPIController.php, JWTCreatedListener.php and the web server in
 * front (italia/cie-cns-apache-docker's default-ssl.conf and secure/index.php): the handshake
 * wants a certificate of a trusted CA; the login finds or creates the citizen by the CN's first 16
 * characters and answers a redirect with the session's cookie; that cookie gets the citizen's JWT
 * from `api/session-auth`, and an anonymous request is sent to the login.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOtherTestCa, createTestCa, issueCitizenCertificate, type IssuedCertificate } from '../../../native/test-pki';
import { citizenByFiscalCode } from '../../portal/accounts';
import { startPortal, type Portal } from '../../portal/server';
import { TEST_CATALOGUE } from '../sync/kiosk';
import { claimsOf, cookieOf, http, httpsGet, type HttpsAnswer } from './portal-support';

const TTL = 120;
const ca = createTestCa();
const MARIO = { codiceFiscale: 'RSSMRA80A01H501U', givenName: 'MARIO', surname: 'ROSSI', cardSerial: '6120016461039008' };
const marioCard = issueCitizenCertificate(ca, { holder: MARIO });

let portal: Portal;
let api: string;

const login = (client: IssuedCertificate | undefined, query = '', cookie?: string): Promise<HttpsAnswer> =>
  httpsGet(`${portal.cnsLoginUrl!}${query}`, { ca: portal.tlsCertificatePem!, client, cookie });

function answered(a: HttpsAnswer): Extract<HttpsAnswer, { status: number }> {
  if ('error' in a) throw new Error(`nessuna risposta: ${a.error}`);
  return a;
}

beforeAll(async () => {
  portal = await startPortal({ catalogueDir: TEST_CATALOGUE, tokenTtlSeconds: TTL, cnsLogin: { caPem: ca.certificatePem } });
  api = `${portal.url}/${portal.tenant}/api`;
});
afterAll(() => portal.close());

describe('accesso con la carta: il server web davanti al portale (SSLVerifyClient require)', () => {
  it('indirizzo https su 127.0.0.1 con il tenant; senza certificato del cliente la connessione è rifiutata, nessuna risposta', async () => {
    expect(portal.cnsLoginUrl).toMatch(new RegExp(`^https://127\\.0\\.0\\.1:\\d+/${portal.tenant}/auth/login-pat$`));
    const refused = await login(undefined);
    expect(refused).toEqual({ error: expect.stringMatching(/^(ERR_SSL_TLSV13_ALERT_CERTIFICATE_REQUIRED|ECONNRESET|EPIPE)$/) });
  });

  it('un certificato di una CA che il server non conosce: connessione rifiutata, nessun cittadino creato', async () => {
    const stranger = issueCitizenCertificate(createOtherTestCa(), { holder: { ...MARIO, codiceFiscale: 'STRNGR80A01H501X' } });
    expect(await login(stranger)).toEqual({ error: expect.any(String) });
    expect(citizenByFiscalCode(portal.db, 'STRNGR80A01H501X')).toBeUndefined();
  });
});

describe('accesso con la carta: come AbstractAuthenticator::onAuthenticationSuccess', () => {
  it('302 alla pagina del cittadino con il cookie di sessione; il cittadino creato con codice fiscale, nome e cognome del certificato', async () => {
    const res = answered(await login(marioCard));
    expect(res.status).toBe(302);
    expect(res.headers.location).toBe(`/${portal.tenant}/it/user/`);
    expect(res.headers['set-cookie']).toEqual([expect.stringMatching(/^PHPSESSID=[0-9a-v]{26}; path=\/; secure; HttpOnly; SameSite=lax$/)]);
    const citizen = citizenByFiscalCode(portal.db, MARIO.codiceFiscale);
    expect(citizen).toBeDefined();
    expect(portal.db.prepare('SELECT name, surname, role FROM users WHERE id = ?').get(citizen!.id)).toEqual({ name: 'MARIO', surname: 'ROSSI', role: 'citizen' });
    // The same card again: the same citizen, and a new session.
    const again = answered(await login(marioCard));
    expect(citizenByFiscalCode(portal.db, MARIO.codiceFiscale)).toEqual(citizen);
    expect(cookieOf(again)).not.toBe(cookieOf(res));
  });

  it('con il cookie, session-auth sulla porta HTTP dà il JWT del cittadino: ruoli, username, id, tenant_id, durata TOKEN_TTL', async () => {
    const cookie = cookieOf(answered(await login(marioCard)));
    const res = await http.get(`${api}/session-auth`, { headers: { cookie } });
    expect(res.status).toBe(200);
    expect(Object.keys(res.data as object)).toEqual(['token']);
    const claims = claimsOf((res.data as { token: string }).token);
    expect(claims).toMatchObject({
      roles: ['ROLE_CPS_USER', 'ROLE_USER'],
      username: MARIO.codiceFiscale,
      id: citizenByFiscalCode(portal.db, MARIO.codiceFiscale)!.id,
      tenant_id: portal.catalogue.tenant.id,
    });
    expect((claims.exp as number) - (claims.iat as number)).toBe(TTL);
    // The token is a citizen's API token.
    const list = await http.get(`${api}/applications`, { headers: { authorization: `Bearer ${(res.data as { token: string }).token}` } });
    expect(list).toMatchObject({ status: 200, data: { meta: { count: 0 }, data: [] } });
  });

  it('?format=jwt: 302 a login_success con il token; return-url se è un URL, altrimenti ignorato', async () => {
    const jwt = answered(await login(marioCard, '?format=jwt'));
    expect(jwt.status).toBe(302);
    const location = new URL(jwt.headers.location!, portal.cnsLoginUrl!);
    expect(location.pathname).toBe(`/${portal.tenant}/auth/login-success`);
    expect(claimsOf(location.searchParams.get('token')!)).toMatchObject({ username: MARIO.codiceFiscale, roles: ['ROLE_CPS_USER', 'ROLE_USER'] });
    const back = answered(await login(marioCard, `?return-url=${encodeURIComponent('https://app.example.it/fine?x=1')}`));
    expect(back.headers.location).toBe('https://app.example.it/fine?x=1');
    const notUrl = answered(await login(marioCard, '?return-url=non-un-indirizzo'));
    expect(notUrl.headers.location).toBe(`/${portal.tenant}/it/user/`);
  });

  it('un certificato della CA fidata senza la policy CNS entra lo stesso: la verifica della policy è della pagina PHP di esempio, non del server web né del portale', async () => {
    const noPolicy = issueCitizenCertificate(ca, { holder: { ...MARIO, codiceFiscale: 'BNCLCU75C03H501K', givenName: 'LUCA', surname: 'BIANCHI' }, use: 'signature' });
    const res = answered(await login(noPolicy));
    expect(res.status).toBe(302);
    expect(citizenByFiscalCode(portal.db, 'BNCLCU75C03H501K')).toBeDefined();
  });

  it('login-pat sulla porta HTTP, senza il server web davanti: la pagina 401; /login manda al login con la carta', async () => {
    const plain = await http.get(`${portal.url}/${portal.tenant}/auth/login-pat`);
    expect(plain.status).toBe(401);
    expect(plain.headers['content-type']).toMatch(/^text\/html/);
    const toLogin = await http.get(`${portal.url}/${portal.tenant}/login?format=jwt`);
    expect(toLogin).toMatchObject({ status: 302, headers: { location: `${portal.cnsLoginUrl!}?format=jwt` } });
  });
});

describe('session-auth anonima: come il firewall open_login', () => {
  it('senza cookie, o con una sessione che non esiste: 302 al login, nessun token; la sessione nuova ricorda dove tornare', async () => {
    const anonymous = await http.get(`${api}/session-auth`);
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.location).toBe(`${portal.url}/${portal.tenant}/login`);
    expect(anonymous.data).toBe('');
    expect(anonymous.headers['set-cookie']).toEqual([expect.stringMatching(/^PHPSESSID=[0-9a-v]{26}; path=\/; HttpOnly; SameSite=lax$/)]);
    const unknown = await http.get(`${api}/session-auth`, { headers: { cookie: 'PHPSESSID=0123456789abcdefghijklmnop' } });
    expect(unknown).toMatchObject({ status: 302, headers: { location: `${portal.url}/${portal.tenant}/login` } });

    // The login in that session goes back to session-auth, whose answer is then the token.
    const res = answered(await login(marioCard, '', cookieOf(anonymous)));
    expect(res.headers.location).toBe(`${api}/session-auth`);
    const token = await http.get(res.headers.location!, { headers: { cookie: cookieOf(res) } });
    expect(token.status).toBe(200);
    expect(claimsOf((token.data as { token: string }).token)).toMatchObject({ username: MARIO.codiceFiscale });
    // Session fixation: the anonymous session's id is not the logged-in one.
    expect((await http.get(`${api}/session-auth`, { headers: { cookie: cookieOf(anonymous) } })).status).toBe(302);
  });

  it('una sessione non usata per sessionLifetimeSeconds scade (session.gc_maxlifetime); usata, resta', async () => {
    let clock = new Date();
    const timed = await startPortal({ catalogueDir: TEST_CATALOGUE, cnsLogin: { caPem: ca.certificatePem }, sessionLifetimeSeconds: 60, now: () => clock });
    try {
      // The same server certificate on every start: a client's NODE_EXTRA_CA_CERTS set once serves them all.
      expect(timed.tlsCertificatePem).toBe(portal.tlsCertificatePem);
      const res = answered(await httpsGet(timed.cnsLoginUrl!, { ca: timed.tlsCertificatePem!, client: marioCard }));
      const cookie = cookieOf(res);
      const sessionAuth = `${timed.url}/${timed.tenant}/api/session-auth`;
      clock = new Date(clock.getTime() + 50_000);
      expect((await http.get(sessionAuth, { headers: { cookie } })).status).toBe(200);
      clock = new Date(clock.getTime() + 50_000);
      expect((await http.get(sessionAuth, { headers: { cookie } })).status).toBe(200);
      clock = new Date(clock.getTime() + 61_000);
      expect((await http.get(sessionAuth, { headers: { cookie } })).status).toBe(302);
    } finally {
      await timed.close();
    }
  });
});
