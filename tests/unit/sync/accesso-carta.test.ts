/**
 * The citizen's access at home, over a key that answers as the portal's CNS login would
 * (the real one over a card and the reference portal: tests/integration/sync/accesso-carta.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { createAccessoCarta } from '../../../electron/core/sync/accesso-carta';
import { CnsLoginFailure, type CnsKeyRequest, type CnsLoginAnswer, type CnsLoginPort } from '../../../electron/core/ports/cns-login';
import type { CardIdentity } from '../../../electron/core/ports/card';
import type { StatoAccesso } from '../../../electron/shared/contract/sync';
import { PortalError } from '../../../electron/core/sync/portal-error';
import { silentLogger } from '../../../electron/core/log/logger';

const CF = 'RSSMRA80A01H501U';
const card = { codiceFiscale: CF, seriale: '6120016461039008', certificato: { der: new Uint8Array([1, 2, 3]) } } as unknown as CardIdentity;

const jwt = (claims: Record<string, unknown>) => `e30.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.sig`;

function rig(options: { loginAnswer?: () => CnsLoginAnswer; openFailure?: CnsLoginFailure } = {}) {
  let now = Date.parse('2026-12-04T10:00:00Z');
  const seen = { opened: [] as CnsKeyRequest[], logins: 0, closed: 0, sessionCalls: [] as string[], states: [] as StatoAccesso['stato'][] };
  let sessionOpen = false;
  let username = CF;
  let network: 'up' | 'down' = 'up';
  const login: CnsLoginPort = {
    async open(request) {
      if (options.openFailure) throw options.openFailure;
      seen.opened.push(request);
      return {
        async login() {
          seen.logins++;
          if (network === 'down') throw new CnsLoginFailure('rete', 'ECONNREFUSED');
          sessionOpen = true;
          return options.loginAnswer?.() ?? { status: 302, location: '/comune/it/user/', cookies: [`PHPSESSID=s${seen.logins}; path=/; HttpOnly`] };
        },
        async close() {
          seen.closed++;
        },
      };
    },
  };
  const accesso = createAccessoCarta({
    login,
    loginUrl: 'https://portale.test/comune/auth/login-pat',
    async sessionToken(cookies) {
      seen.sessionCalls.push(cookies);
      if (network === 'down') throw new PortalError('transient', 'giù', null);
      return sessionOpen ? jwt({ username, exp: Math.floor(now / 1000) + 3600 }) : null;
    },
    clock: { now: () => new Date(now) },
    log: silentLogger,
    onChange: (s) => seen.states.push(s.stato),
  });
  const settled = async () => {
    for (let i = 0; i < 20 && accesso.stato().stato === 'in-corso'; i++) await new Promise((r) => setImmediate(r));
  };
  return {
    accesso,
    seen,
    settled,
    advance: (ms: number) => (now += ms),
    endSession: () => (sessionOpen = false),
    setUser: (u: string) => (username = u),
    setNetwork: (n: 'up' | 'down') => (network = n),
  };
}

describe('the citizen logs in to the portal with the card', () => {
  it('opens the key with the PIN, logs in once and speaks as the card holder', async () => {
    const r = rig();
    await r.accesso.apri(card, 'lettore', '12345');
    await r.settled();
    expect(r.seen.opened).toEqual([{ reader: 'lettore', serial: card.seriale, certificateDer: card.certificato.der, pin: '12345' }]);
    expect(r.accesso.stato()).toEqual({ stato: 'attivo', messaggio: null });
    expect(r.accesso.cittadino()).toBe(CF);
    const token = await r.accesso.token();
    expect(JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()).username).toBe(CF);
    // The session's cookie, without its attributes, is what session-auth is asked with.
    expect(r.seen.sessionCalls).toEqual(['PHPSESSID=s1']);
    expect(r.seen.logins).toBe(1);
    // Logged in: the card goes back to the app (OpenSC would otherwise keep it "in use").
    expect(r.seen.closed).toBe(1);
  });

  it('renews the token from the session, often enough to keep the session alive, without the card', async () => {
    const r = rig();
    await r.accesso.apri(card, 'lettore', '12345');
    await r.settled();
    const first = await r.accesso.token();
    r.advance(5 * 60_000);
    expect(await r.accesso.token()).toBe(first);
    r.advance(6 * 60_000);
    const renewed = await r.accesso.token();
    expect(renewed).not.toBe(first);
    expect(r.seen.sessionCalls).toEqual(['PHPSESSID=s1', 'PHPSESSID=s1']);
    expect(r.seen.logins).toBe(1);
  });

  it('a session the portal ended asks the citizen for the PIN again (the card key was given back)', async () => {
    const r = rig();
    await r.accesso.apri(card, 'lettore', '12345');
    await r.settled();
    await r.accesso.token();
    r.endSession();
    r.advance(11 * 60_000);
    await expect(r.accesso.token()).rejects.toMatchObject({ kind: 'account' });
    expect(r.accesso.stato()).toMatchObject({ stato: 'non-riuscito', messaggio: expect.stringContaining('toglila e reinseriscila') });
    expect(r.seen.logins).toBe(1);
  });

  it('the app taking the card back while the key waits for the portal: the key lets go', async () => {
    const r = rig();
    r.setNetwork('down');
    await r.accesso.apri(card, 'lettore', '12345');
    await r.settled();
    expect(r.seen.closed).toBe(0);
    await r.accesso.rilascia();
    expect(r.seen.closed).toBe(1);
  });

  it('drops a token the portal refused, and the next call gets another', async () => {
    const r = rig();
    await r.accesso.apri(card, 'lettore', '12345');
    await r.settled();
    const first = await r.accesso.token();
    r.accesso.rifiutato(first);
    await r.accesso.token();
    expect(r.seen.sessionCalls.length).toBe(2);
  });

  it('waits while the portal is unreachable and logs in when it is back', async () => {
    const r = rig();
    r.setNetwork('down');
    await r.accesso.apri(card, 'lettore', '12345');
    await r.settled();
    expect(r.accesso.stato().stato).toBe('in-attesa');
    // The card's key stays open: the pratiche of this citizen are the ones to send.
    expect(r.accesso.cittadino()).toBe(CF);
    await expect(r.accesso.token()).rejects.toMatchObject({ kind: 'transient' });
    r.setNetwork('up');
    await expect(r.accesso.token()).resolves.toContain('.');
    expect(r.accesso.stato().stato).toBe('attivo');
  });

  it("refuses a session the portal opened for someone else", async () => {
    const r = rig();
    r.setUser('VRDGPP70B02F205X');
    await r.accesso.apri(card, 'lettore', '12345');
    await r.settled();
    expect(r.accesso.stato()).toMatchObject({ stato: 'non-riuscito' });
    await expect(r.accesso.token()).rejects.toMatchObject({ kind: 'account' });
  });

  it('refuses a login answer without a session (the portal sent no cookie)', async () => {
    const r = rig({ loginAnswer: () => ({ status: 401, location: null, cookies: [] }) });
    await r.accesso.apri(card, 'lettore', '12345');
    await r.settled();
    expect(r.accesso.stato().stato).toBe('non-riuscito');
    expect(r.accesso.stato().messaggio).toMatch(/non ha accettato la carta/);
  });

  it('card out: key closed, nobody to speak for, calls need the card again', async () => {
    const r = rig();
    await r.accesso.apri(card, 'lettore', '12345');
    await r.settled();
    await r.accesso.chiudi();
    expect(r.seen.closed).toBe(1);
    expect(r.accesso.cittadino()).toBeNull();
    expect(r.accesso.stato()).toEqual({ stato: 'da-fare', messaggio: null });
    await expect(r.accesso.token()).rejects.toBeInstanceOf(PortalError);
  });

  it('says what is missing when the card key cannot be opened', async () => {
    const r = rig({ openFailure: new CnsLoginFailure('non-disponibile', "Manca il componente per l'accesso con la carta (OpenSSL PKCS#11 engine): installa libengine-pkcs11-openssl.") });
    await r.accesso.apri(card, 'lettore', '12345');
    expect(r.accesso.stato()).toMatchObject({ stato: 'non-riuscito', messaggio: expect.stringContaining('libengine-pkcs11-openssl') });
    expect(r.accesso.cittadino()).toBeNull();
  });
});
