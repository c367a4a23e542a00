/**
 * The web session of the `open_login` firewall (config/packages/security.yaml: `stateless: false`,
 * `context: sdc_auth_context`), shared by every server of the portal: the HTTPS one where a
 * citizen logs in with the card, the HTTP one that answers `api/session-auth`.
 *
 * As config/packages/framework.yaml sets it up (`handler_id: null`: PHP's native sessions):
 * - the cookie is PHP's `PHPSESSID` (no `name` configured), path `/`, HttpOnly (Symfony's
 *   default), `SameSite=lax`, and `secure` only when the request came over HTTPS (`cookie_secure: auto`);
 *   no lifetime, so it lasts until the browser closes;
 * - a session unused for `session.gc_maxlifetime` (PHP's default, 1440 s) is gone: the next
 *   request with its cookie is anonymous.
 * OURS: kept in memory, ids of 26 characters in [0-9a-v] (php.ini-production's sid_length and
 * sid_bits_per_character), and expiry exact where PHP's garbage collector is probabilistic.
 */
import { randomBytes } from 'node:crypto';

/** PHP's default session.gc_maxlifetime, in seconds. */
export const PHP_SESSION_LIFETIME_SECONDS = 1440;

const COOKIE = 'PHPSESSID';
const ID_ALPHABET = '0123456789abcdefghijklmnopqrstuv';

/** What the portal keeps in a session, under the names its code uses. */
export interface SessionData {
  /** The security token's user (Symfony's `_security_sdc_auth_context`): a user's id. */
  userId?: string;
  /** `_security.open_login.target_path`: where a login goes back to (TargetPathTrait). */
  targetPath?: string;
  /** `user_data`: what the authenticator read from the server variables. */
  userData?: Record<string, string | null>;
  /** `sdc_user_session_data`: UserSession's authentication data (UserAuthenticationData). */
  authentication?: Record<string, string | null>;
}

export interface Session {
  id: string;
  data: SessionData;
}

export interface SessionStore {
  /** The live session the request's `Cookie` names (and it counts as used now), or null. */
  find(cookieHeader: string | undefined): Session | null;
  start(): Session;
  /** Session::migrate(true): the same data under a new id, the old one destroyed (session fixation). */
  migrate(session: Session): Session;
  /** The `Set-Cookie` value for this session. */
  cookie(session: Session, secure: boolean): string;
}

function newId(): string {
  return [...randomBytes(26)].map((b) => ID_ALPHABET[b & 31]).join('');
}

function cookieValue(header: string | undefined): string | null {
  for (const part of (header ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === COOKIE) return value.join('=');
  }
  return null;
}

export function createSessionStore(lifetimeSeconds: number, now: () => Date): SessionStore {
  const sessions = new Map<string, { data: SessionData; usedAt: number }>();
  const put = (id: string, data: SessionData): Session => {
    sessions.set(id, { data, usedAt: now().getTime() });
    return { id, data };
  };
  return {
    find(cookieHeader) {
      const id = cookieValue(cookieHeader);
      const stored = id === null ? undefined : sessions.get(id);
      if (!id || !stored) return null;
      if (now().getTime() - stored.usedAt >= lifetimeSeconds * 1000) {
        sessions.delete(id);
        return null;
      }
      stored.usedAt = now().getTime();
      return { id, data: stored.data };
    },
    start: () => put(newId(), {}),
    migrate(session) {
      sessions.delete(session.id);
      return put(newId(), session.data);
    },
    cookie: (session, secure) => `${COOKIE}=${session.id}; path=/;${secure ? ' secure;' : ''} HttpOnly; SameSite=lax`,
  };
}
