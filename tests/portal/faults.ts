/**
 * Fault injection: the ways a real portal (or the network in front of it) misbehaves, each
 * with a rate per request. Set per run from the CLI, constructor options or the admin
 * endpoint; the sync engine must reach "exactly once" through all of them.
 */
import { z } from 'zod';

const rate = z.number().min(0).max(1);

export const faultsSchema = z
  .object({
    /** Added to every request, in ms (a uniform jitter of up to the same amount on top). */
    latencyMs: z.number().int().min(0).max(60_000).default(0),
    /** 503 before doing anything. */
    serverErrorRate: rate.default(0),
    /** The connection is destroyed before the request is read. */
    resetRate: rate.default(0),
    /** The write is committed, then the connection is destroyed instead of answering. */
    lostResponseRate: rate.default(0),
    /** A valid token is refused with 401 as if it had expired. */
    tokenExpiryRate: rate.default(0),
    /** 429 with Retry-After. */
    tooManyRequestsRate: rate.default(0),
    retryAfterSeconds: z.number().int().min(0).max(3600).default(1),
  })
  .strict();

export type Faults = z.output<typeof faultsSchema>;
export type FaultsInput = z.input<typeof faultsSchema>;

export const NO_FAULTS: Faults = faultsSchema.parse({});

export type FaultDecision = 'reset' | 'server-error' | 'too-many' | 'token-expired' | null;

/** What happens to a request before it is handled (one draw per fault, in this order). */
export function decideBefore(faults: Faults, random: () => number = Math.random): FaultDecision {
  if (random() < faults.resetRate) return 'reset';
  if (random() < faults.tooManyRequestsRate) return 'too-many';
  if (random() < faults.serverErrorRate) return 'server-error';
  if (random() < faults.tokenExpiryRate) return 'token-expired';
  return null;
}

export function loseResponse(faults: Faults, random: () => number = Math.random): boolean {
  return random() < faults.lostResponseRate;
}
