/**
 * At home the portal is spoken to as the citizen, never with an account of ours: the card's
 * key logs in (TLS client authentication to `/auth/login-pat`, ports/cns-login.ts), the portal
 * opens a session, and `GET /api/session-auth` turns the session into the API token the calls
 * carry (SessionAuthAPIController.php). The token is renewed from the session while the card
 * stays in (which also keeps the portal's session alive); card out, all of it is dropped.
 *
 * The card's key is held only until the login succeeds: while it is open, OpenSC holds the card
 * and the app's own card operations (the module's signature, PIN change) cannot run. Offline,
 * the key stays open for a while and the login is tried again at each sync cycle; then it is
 * released, and the citizen is told to enter the PIN again once the portal is back.
 */
import type { Clock } from '../ports/clock';
import type { Logger } from '../log/logger';
import { CnsLoginFailure, type CnsKey, type CnsLoginPort } from '../ports/cns-login';
import type { CardIdentity } from '../ports/card';
import { PortalError } from './portal-error';
import type { StatoAccesso } from '../../shared/contract/sync';

export interface AccessoCartaDeps {
  login: CnsLoginPort;
  /** The portal's CNS login (`<tenant>/auth/login-pat`, or the configured `portal.cnsLoginUrl`). */
  loginUrl: string;
  /** `GET /api/session-auth` with the session's cookies: the token, or null when the session is not (or no longer) open. */
  sessionToken(cookies: string): Promise<string | null>;
  clock: Clock;
  log: Logger;
  onChange(stato: StatoAccesso): void;
}

/** Renewed this long before the token expires, so no call leaves with a token about to lapse. */
const RENEW_BEFORE_MS = 5 * 60_000;
/**
 * The token is asked again from the session at least this often: a PHP session lapses after
 * session.gc_maxlifetime (24 minutes by default) without a request, and the API calls, which
 * carry the token, do not touch it.
 */
const SESSION_KEEPALIVE_MS = 10 * 60_000;
/** How long the card's key waits for an unreachable portal before the card is given back to the app. */
const KEY_HOLD_MS = 2 * 60_000;

interface Open {
  readonly codiceFiscale: string;
  key: CnsKey | null;
  readonly keyOpenedAt: number;
  cookies: string | null;
  token: { value: string; expiresAt: number; at: number } | null;
}

const AGAIN = 'Per inviare le pratiche al Comune la carta serve di nuovo: toglila e reinseriscila, poi inserisci il PIN.';

const needed = () => new PortalError('account', "accesso al portale con la carta necessario: inserisci la carta e il PIN", null);

export function createAccessoCarta(deps: AccessoCartaDeps) {
  let open: Open | null = null;
  let stato: StatoAccesso = { stato: 'da-fare', messaggio: null };
  let renewing: Promise<string> | null = null;
  let keepalive: NodeJS.Timeout | null = null;
  /** The key being opened and its first login: the app's own card use waits for them, then takes the card. */
  let opening: Promise<unknown> | null = null;
  const now = () => deps.clock.now().getTime();

  /** The card goes back to the app: the key's process ends, OpenSC lets the card go. */
  async function releaseKey(current: Open): Promise<void> {
    const key = current.key;
    current.key = null;
    await key?.close().catch(() => undefined);
  }

  const set = (next: StatoAccesso) => {
    stato = next;
    deps.onChange(next);
  };

  /** The session's cookies as a Cookie header: each `name=value`, attributes dropped. */
  const cookieHeader = (setCookies: readonly string[]) => setCookies.map((c) => c.split(';')[0]!.trim()).filter((c) => c.includes('=')).join('; ');

  async function loginWithKey(current: Open): Promise<void> {
    if (!current.key) throw new CnsLoginFailure('carta-assente', 'sessione del portale scaduta e chiave della carta già restituita');
    const answer = await current.key.login(deps.loginUrl);
    // AbstractAuthenticator::onAuthenticationSuccess answers with a redirect and the session.
    const cookies = cookieHeader(answer.cookies);
    if (answer.status < 300 || answer.status >= 400 || cookies === '') {
      throw new CnsLoginFailure('rifiutato', `il portale non ha aperto la sessione (HTTP ${answer.status})`);
    }
    current.cookies = cookies;
  }

  async function freshToken(current: Open): Promise<string> {
    let value = current.cookies ? await deps.sessionToken(current.cookies) : null;
    if (value === null) {
      await loginWithKey(current);
      value = await deps.sessionToken(current.cookies!);
      if (value === null) throw new CnsLoginFailure('rifiutato', 'il portale non riconosce la sessione appena aperta');
    }
    const subject = tokenSubject(value);
    // The portal found or created its user by the codice fiscale in the certificate: it must be this card's holder.
    if (subject && subject.toUpperCase() !== current.codiceFiscale.toUpperCase()) {
      throw new CnsLoginFailure('rifiutato', 'il portale ha aperto la sessione di un altro utente');
    }
    current.token = { value, expiresAt: tokenExpiry(value) ?? now() + 3600_000, at: now() };
    await releaseKey(current);
    return value;
  }

  function renew(current: Open): Promise<string> {
    renewing ??= (async () => {
      if (stato.stato !== 'attivo') set({ stato: 'in-corso', messaggio: null });
      try {
        const value = await freshToken(current);
        if (open === current) {
          if (stato.stato !== 'attivo') deps.log.info('accesso al portale con la carta riuscito');
          set({ stato: 'attivo', messaggio: null });
        }
        return value;
      } catch (error) {
        throw failed(current, error);
      }
    })().finally(() => (renewing = null));
    return renewing;
  }

  function failed(current: Open, error: unknown): PortalError {
    if (open !== current) return needed();
    const unreachable = error instanceof PortalError ? error.kind === 'transient' : error instanceof CnsLoginFailure && error.reason === 'rete';
    if (unreachable) {
      // The portal did not answer: the next call tries again, with the key while it is held.
      const holding = current.key !== null && now() - current.keyOpenedAt < KEY_HOLD_MS;
      if (current.key && !holding) void releaseKey(current);
      const withSession = current.cookies !== null;
      set({
        stato: 'in-attesa',
        messaggio: holding || withSession ? 'Il portale del Comune non è raggiungibile ora: le pratiche partono appena torna.' : `Il portale del Comune non era raggiungibile. ${AGAIN}`,
      });
      return error instanceof PortalError ? error : new PortalError('transient', `accesso con la carta: ${error instanceof Error ? error.message : 'rete'}`, null);
    }
    void releaseKey(current);
    if (error instanceof CnsLoginFailure && error.reason === 'carta-assente') {
      set({ stato: 'non-riuscito', messaggio: AGAIN });
      return new PortalError('account', 'accesso con la carta: da rifare col PIN', null);
    }
    const message = error instanceof CnsLoginFailure && error.reason === 'rifiutato'
      ? "Il portale del Comune non ha accettato la carta per l'accesso. Se si ripete, rivolgiti al Comune."
      : "L'accesso al portale con la carta non è riuscito: togli e reinserisci la carta.";
    deps.log.warn('accesso al portale con la carta non riuscito', { motivo: error instanceof CnsLoginFailure ? error.reason : 'errore' });
    set({ stato: 'non-riuscito', messaggio: message });
    return new PortalError('account', `accesso con la carta: ${error instanceof Error ? error.message : 'non riuscito'}`, null);
  }

  /** Bumped by every close: a key that finishes opening after its card left is closed at once. */
  let generation = 0;

  async function close(): Promise<void> {
    generation++;
    const current = open;
    open = null;
    renewing = null;
    if (keepalive) clearInterval(keepalive);
    keepalive = null;
    if (stato.stato !== 'da-fare') set({ stato: 'da-fare', messaggio: null });
    if (current) await releaseKey(current);
  }

  async function openKey(card: CardIdentity, reader: string, pin: string): Promise<void> {
    await close();
    const mine = generation;
    if (!deps.loginUrl.startsWith('https:')) {
      // The card authenticates only over TLS: a portal reached over http has no CNS login to offer.
      set({ stato: 'non-riuscito', messaggio: "Il portale del Comune non offre l'accesso con la carta a questo indirizzo (serve https): rivolgiti al Comune." });
      return;
    }
    set({ stato: 'in-corso', messaggio: null });
    let key: CnsKey;
    try {
      key = await deps.login.open({ reader, serial: card.seriale, certificateDer: card.certificato.der, pin });
    } catch (error) {
      if (mine !== generation) return;
      const reason = error instanceof CnsLoginFailure ? error.reason : 'errore';
      deps.log.warn('chiave della carta per l\'accesso al portale non disponibile', { motivo: reason });
      set({
        stato: 'non-riuscito',
        messaggio: reason === 'non-disponibile' && error instanceof Error ? error.message : "La carta non si è aperta per l'accesso al portale: togli e reinserisci la carta.",
      });
      return;
    }
    if (mine !== generation) {
      await key.close().catch(() => undefined);
      return;
    }
    open = { codiceFiscale: card.codiceFiscale, key, keyOpenedAt: now(), cookies: null, token: null };
    const current = open;
    keepalive = setInterval(() => {
      if (open === current && current.cookies) void renew(current).catch(() => undefined);
    }, SESSION_KEEPALIVE_MS);
    keepalive.unref?.();
    await renew(open).catch(() => undefined);
  }

  return {
    stato: () => stato,

    /**
     * The citizen's PIN was just verified on the card: the card's key is opened with it (the PIN
     * goes no further than the key's holder) and the login tried at once.
     */
    apri(card: CardIdentity, reader: string, pin: string): Promise<void> {
      const run: Promise<void> = openKey(card, reader, pin).finally(() => {
        if (opening === run) opening = null;
      });
      opening = run;
      return run;
    },

    /** The app needs the card (a signature, a PIN change): once the login under way is over, the key, if still held, lets it go. */
    async rilascia(): Promise<void> {
      await opening?.catch(() => undefined);
      if (open?.key) await releaseKey(open);
    },

    /** The card left (or the session ended): key, session and token are forgotten. */
    chiudi: close,

    /** Whose pratiche the portal can be asked about now: the citizen whose card is open, else nobody. */
    cittadino: (): string | null => open?.codiceFiscale ?? null,

    /** The API token for the next call; renewed when near its end. */
    async token(): Promise<string> {
      const current = open;
      if (!current) throw needed();
      const t = current.token;
      if (t && t.expiresAt - RENEW_BEFORE_MS > now() && now() - t.at < SESSION_KEEPALIVE_MS) return t.value;
      return renew(current);
    },

    /** The portal refused this token (401): the next call asks the session for another. */
    rifiutato(token: string): void {
      if (open?.token?.value === token) open.token = null;
    },
  };
}

export type AccessoCarta = ReturnType<typeof createAccessoCarta>;

function payloadOf(jwt: string): Record<string, unknown> | null {
  const part = jwt.split('.')[1];
  if (!part) return null;
  try {
    const value: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** When the token lapses (lexik's `exp`, seconds): read, not verified; the portal verifies it. */
function tokenExpiry(jwt: string): number | null {
  const exp = payloadOf(jwt)?.exp;
  return typeof exp === 'number' ? exp * 1000 : null;
}

/** The user the portal put in the token (lexik's `username`: a CPS user's is their codice fiscale). */
function tokenSubject(jwt: string): string | null {
  const username = payloadOf(jwt)?.username;
  return typeof username === 'string' && /^[A-Z0-9]{16}$/i.test(username) ? username : null;
}
