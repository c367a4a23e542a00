/**
 * Errors meant for a person. Anything thrown in core or native that has a string
 * `code` and `userFacing: true` crosses the boundary as `{code, message}`; every
 * other error becomes a generic "errore interno" and is logged, so stack traces and
 * internal details never reach the screen.
 */
export interface UserFacing {
  readonly code: string;
  readonly message: string;
  readonly userFacing: true;
}

export class DomainError extends Error implements UserFacing {
  readonly userFacing = true as const;
  constructor(
    readonly code: string,
    message: string,
    readonly details?: { path: string; message: string }[],
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export function isUserFacing(error: unknown): error is UserFacing & { details?: { path: string; message: string }[] } {
  return (
    typeof error === 'object' &&
    error !== null &&
    (error as { userFacing?: unknown }).userFacing === true &&
    typeof (error as { code?: unknown }).code === 'string' &&
    typeof (error as { message?: unknown }).message === 'string'
  );
}
