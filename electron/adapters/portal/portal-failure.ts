/**
 * What an HTTP failure from the portal means for sync (core/sync/portal-error.ts): status codes,
 * Retry-After and the portal's error bodies read into a PortalError.
 */
import { isAxiosError } from 'axios';
import { isDeadline } from '../http/deadline';
import { asPortalError, PortalError } from '../../core/sync/portal-error';

function retryAfter(header: unknown, now: number): number | null {
  if (typeof header !== 'string') return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.min(seconds * 1000, 3_600_000);
  const date = Date.parse(header);
  return Number.isNaN(date) ? null : Math.max(0, Math.min(date - now, 3_600_000));
}

const short = (s: string) => s.replace(/\s+/g, ' ').trim().slice(0, 200);

/**
 * The portal's error bodies: a plain array of messages (`["Service not found"]`), or
 * `{type, title, description}` / `{type, title, errors}` (ApplicationsAPIController), or
 * `{status, message}` (AllegatoController). Anything else gives no message.
 */
export function portalMessageOf(body: unknown): string | null {
  if (typeof body === 'string') return body.trim() && !body.trimStart().startsWith('<') ? short(body) : null;
  if (Array.isArray(body)) {
    const texts = body.filter((m): m is string => typeof m === 'string');
    return texts.length ? short(texts.join('; ')) : null;
  }
  if (typeof body !== 'object' || body === null) return null;
  const b = body as Record<string, unknown>;
  const parts: string[] = [];
  if (typeof b.title === 'string') parts.push(b.title);
  if (typeof b.description === 'string') parts.push(b.description);
  if (Array.isArray(b.errors)) parts.push(...b.errors.map((e) => (typeof e === 'string' ? e : JSON.stringify(e))));
  else if (b.errors && typeof b.errors === 'object') parts.push(JSON.stringify(b.errors));
  if (parts.length === 0 && typeof b.message === 'string') parts.push(b.message);
  return parts.length ? short(parts.join(': ')) : null;
}

/** Turns whatever axios (or the response parser) threw into a PortalError. Never includes bodies or headers with credentials. */
export function toPortalError(error: unknown, what: string): PortalError {
  if (isAxiosError(error)) {
    const status = error.response?.status ?? null;
    // axios's own refusal of a body over `maxContentLength`: the same answer would come again.
    if (status === null && error.code === 'ERR_BAD_RESPONSE' && /maxContentLength/.test(error.message)) return new PortalError('permanent', `${what}: risposta troppo grande`, null);
    if (status === null && isDeadline(error)) return new PortalError('transient', `${what}: il portale non ha risposto in tempo`, null);
    if (status === null) return new PortalError('transient', `${what}: portale non raggiungibile (${error.code ?? 'rete'})`, null);
    const said = portalMessageOf(error.response?.data);
    if (status === 401) return new PortalError('unauthorised', `${what}: autenticazione scaduta o rifiutata`, status, null, said);
    if (status === 429) return new PortalError('transient', `${what}: troppe richieste`, status, retryAfter(error.response?.headers['retry-after'], Date.now()), said);
    if (status === 408 || status >= 500) return new PortalError('transient', `${what}: errore del portale (${status}${said ? `: ${said}` : ''})`, status, null, said);
    return new PortalError('permanent', `${what}: richiesta rifiutata dal portale (${status}${said ? `: ${said}` : ''})`, status, null, said);
  }
  return asPortalError(error, what);
}
