/**
 * Errors meant for a person. Anything thrown in core or native that has a string
 * `code` and `userFacing: true` crosses the boundary as `{code, message}`; every
 * other error becomes a generic "errore interno" and is logged, so stack traces and
 * internal details never reach the screen.
 */
import { codiciErrore, type CodiceErrore } from '../shared/contract/errori';
export interface UserFacing {
  readonly code: CodiceErrore;
  readonly message: string;
  readonly userFacing: true;
}

export class DomainError extends Error implements UserFacing {
  readonly userFacing = true as const;
  constructor(
    readonly code: CodiceErrore,
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
    // A code the contract does not list is not a message anyone wrote for a person.
    (codiciErrore as readonly unknown[]).includes((error as { code?: unknown }).code) &&
    typeof (error as { message?: unknown }).message === 'string'
  );
}
