/**
 * Exponential backoff with full jitter, capped, honouring the portal's Retry-After. Used per
 * request (a few quick attempts) and per outbox item (spread over minutes while the portal is down).
 */
import { PortalError } from './portal-error';

export interface BackoffPolicy {
  baseMs: number;
  maxMs: number;
}

/** Delay before attempt `attempt + 1` (attempt counts from 1): random in [0, min(max, base * 2^(attempt-1))]. */
export function backoffDelay(policy: BackoffPolicy, attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.min(attempt - 1, 30));
  return Math.round(random() * ceiling);
}

/** The delay to wait after `error`: the portal's Retry-After when given, the backoff otherwise. */
export function delayAfter(error: PortalError, policy: BackoffPolicy, attempt: number, random?: () => number): number {
  return error.retryAfterMs ?? backoffDelay(policy, attempt, random);
}

export interface RetryOptions extends BackoffPolicy {
  attempts: number;
  sleep: (ms: number) => Promise<void>;
  /** Called before retrying after a 401 (renew the token). */
  onUnauthorised?: () => void;
  /**
   * False for a request that is not safe to repeat blindly (the create): a transient failure
   * is returned to the caller, who must find out what happened first. A 401 is still retried
   * once, since the portal did nothing with a request it refused.
   */
  retryTransient?: boolean;
  /** Errors already retried underneath (the login): returned as they are. */
  isFinal?: (error: PortalError) => boolean;
}

/** Runs `operation` until it succeeds, fails permanently, or `attempts` are used up. */
export async function withRetry<T>(operation: () => Promise<T>, options: RetryOptions): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await operation();
    } catch (error) {
      if (!(error instanceof PortalError) || error.kind === 'permanent' || error.kind === 'account' || options.isFinal?.(error)) throw error;
      if (error.kind === 'unauthorised') {
        options.onUnauthorised?.();
        if (attempt === 1) continue;
      }
      if (attempt >= options.attempts || (error.kind === 'transient' && options.retryTransient === false)) throw error;
      await options.sleep(delayAfter(error, options, attempt));
    }
  }
}
