/**
 * How a failed portal request is treated. Whether the request may have reached the portal
 * does not matter here: every create is preceded by a look-up once one may have been sent.
 */
/**
 * `account`: the kiosk's own credentials are missing or refused, or its account lacks a right it
 * needs. No pratica is at fault, so none is parked: the whole pass stops until someone fixes it.
 */
export type FailureKind = 'transient' | 'unauthorised' | 'permanent' | 'account';

export class PortalError extends Error {
  constructor(
    readonly kind: FailureKind,
    message: string,
    readonly status: number | null,
    /** From Retry-After, when the portal asked us to slow down. */
    readonly retryAfterMs: number | null = null,
    /** What the portal said, as text (its error bodies carry no credentials). */
    readonly portalMessage: string | null = null,
  ) {
    super(message);
    this.name = 'PortalError';
  }
}

/** A failure that is not the portal's answer (a parser's refusal, a file that did not read): nothing to retry. */
export function asPortalError(error: unknown, what: string): PortalError {
  if (error instanceof PortalError) return error;
  return new PortalError('permanent', `${what}: risposta non valida del portale (${error instanceof Error ? error.message.slice(0, 200) : 'sconosciuta'})`, null);
}
