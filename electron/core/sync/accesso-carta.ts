/**
 * At home the portal is spoken to as the citizen, never with an account of ours: the card's
 * key logs in (TLS client authentication to `/auth/login-pat`, ports/cns-login.ts), the portal
 * opens a session, and `GET /api/session-auth` turns the session into the API token the calls
 * carry (SessionAuthAPIController.php). The token is renewed from the session while the card
 * stays in, and the session from the card's key (already open: no PIN again); card out, all of
 * it is dropped.
 *
 * Offline is normal: the key opens without the portal; the login is tried when a call needs a
 * token, so pratiche queue and leave when the portal is reachable and the card is in.
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

interface Open {
  readonly codiceFiscale: string;
  readonly key: CnsKey;
  cookies: string | null;
  token: { value: string; expiresAt: number } | null;
}

const needed = () => new PortalError('account', "accesso al portale con la carta necessario: inserisci la carta e il PIN", null);

export function createAccessoCarta(deps: AccessoCartaDeps) {
  let open: Open | null = null;
  let stato: StatoAccesso = { stato: 'da-fare', messaggio: null };
  let renewing: Promise<string> | null = null;

  const set = (next: StatoAccesso) => {
    stato = next;
    deps.onChange(next);
  };

  /** The session's cookies as a Cookie header: each `name=value`, attributes dropped. */
  const cookieHeader = (setCookies: readonly string[]) => setCookies.map((c) => c.split(';')[0]!.trim()).filter((c) => c.includes('=')).join('; ');

  async function loginWithKey(current: Open): Promise<void> {
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
    current.token = { value, expiresAt: tokenExpiry(value) ?? deps.clock.now().getTime() + 3600_000 };
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
    if (error instanceof PortalError) {
      // The portal did not answer: the key stays open, the next call tries again.
      set({ stato: 'in-attesa', messaggio: 'Il portale del Comune non è raggiungibile ora: le pratiche partono appena torna.' });
      return error;
    }
    if (error instanceof CnsLoginFailure && error.reason === 'rete') {
      set({ stato: 'in-attesa', messaggio: 'Il portale del Comune non è raggiungibile ora: le pratiche partono appena torna.' });
      return new PortalError('transient', `accesso con la carta: ${error.message}`, null);
    }
    const message = error instanceof CnsLoginFailure && error.reason === 'rifiutato'
      ? "Il portale del Comune non ha accettato la carta per l'accesso. Se si ripete, rivolgiti al Comune."
      : "L'accesso al portale con la carta non è riuscito: togli e reinserisci la carta.";
    deps.log.warn('accesso al portale con la carta non riuscito', { motivo: error instanceof CnsLoginFailure ? error.reason : 'errore' });
    set({ stato: 'non-riuscito', messaggio: message });
    return new PortalError('account', `accesso con la carta: ${error instanceof Error ? error.message : 'non riuscito'}`, null);
  }

  return {
    stato: () => stato,

    /**
     * The citizen's PIN was just verified on the card: the card's key is opened with it (the PIN
     * goes no further than the key's holder) and the login tried at once.
     */
    async apri(card: CardIdentity, reader: string, pin: string): Promise<void> {
      await this.chiudi();
      set({ stato: 'in-corso', messaggio: null });
      let key: CnsKey;
      try {
        key = await deps.login.open({ reader, serial: card.seriale, certificateDer: card.certificato.der, pin });
      } catch (error) {
        const reason = error instanceof CnsLoginFailure ? error.reason : 'errore';
        deps.log.warn('chiave della carta per l\'accesso al portale non disponibile', { motivo: reason });
        set({
          stato: 'non-riuscito',
          messaggio: reason === 'non-disponibile' && error instanceof Error ? error.message : "La carta non si è aperta per l'accesso al portale: togli e reinserisci la carta.",
        });
        return;
      }
      open = { codiceFiscale: card.codiceFiscale, key, cookies: null, token: null };
      void renew(open).catch(() => undefined);
    },

    /** The card left (or the session ended): key, session and token are forgotten. */
    async chiudi(): Promise<void> {
      const current = open;
      open = null;
      renewing = null;
      if (stato.stato !== 'da-fare') set({ stato: 'da-fare', messaggio: null });
      await current?.key.close();
    },

    /** Whose pratiche the portal can be asked about now: the citizen whose card is open, else nobody. */
    cittadino: (): string | null => open?.codiceFiscale ?? null,

    /** The API token for the next call; renewed when near its end. */
    async token(): Promise<string> {
      const current = open;
      if (!current) throw needed();
      if (current.token && current.token.expiresAt - RENEW_BEFORE_MS > deps.clock.now().getTime()) return current.token.value;
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
