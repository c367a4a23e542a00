/**
 * How a failed portal request is treated. Whether the request may have reached the portal
 * does not matter here: every create is preceded by a look-up once one may have been sent.
 */
import { isAxiosError } from 'axios';

/**
 * `account`: the kiosk's own credentials are missing or refused. No pratica is at fault, so none
 * is parked: the whole pass stops until someone fixes the configuration.
 */
export type FailureKind = 'transient' | 'unauthorised' | 'permanent' | 'account';

export class PortalError extends Error {
  constructor(
    readonly kind: FailureKind,
    message: string,
    readonly status: number | null,
    /** From Retry-After, when the portal asked us to slow down. */
    readonly retryAfterMs: number | null = null,
  ) {
    super(message);
    this.name = 'PortalError';
  }
}

function retryAfter(header: unknown, now: number): number | null {
  if (typeof header !== 'string') return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.min(seconds * 1000, 3_600_000);
  const date = Date.parse(header);
  return Number.isNaN(date) ? null : Math.max(0, Math.min(date - now, 3_600_000));
}

/** Turns whatever axios (or the response parser) threw into a PortalError. Never includes bodies or headers with credentials. */
export function toPortalError(error: unknown, what: string): PortalError {
  if (error instanceof PortalError) return error;
  if (isAxiosError(error)) {
    const status = error.response?.status ?? null;
    if (status === null) return new PortalError('transient', `${what}: portale non raggiungibile (${error.code ?? 'rete'})`, null);
    if (status === 401) return new PortalError('unauthorised', `${what}: autenticazione scaduta o rifiutata`, status);
    if (status === 429) return new PortalError('transient', `${what}: troppe richieste`, status, retryAfter(error.response?.headers['retry-after'], Date.now()));
    if (status === 408 || status >= 500) return new PortalError('transient', `${what}: errore del portale (${status})`, status);
    const detail = (error.response?.data as { detail?: unknown } | undefined)?.detail;
    return new PortalError('permanent', `${what}: richiesta rifiutata dal portale (${status}${typeof detail === 'string' ? `: ${detail.slice(0, 200)}` : ''})`, status);
  }
  return new PortalError('permanent', `${what}: risposta non valida del portale (${error instanceof Error ? error.message.slice(0, 200) : 'sconosciuta'})`, null);
}
