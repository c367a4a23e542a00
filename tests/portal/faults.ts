/**
 * OURS, not the real portal's: fault injection, the ways a real portal (or the network in front of it) misbehaves, each
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
    /** Faults hit only requests whose "METHOD /path" matches this pattern (all when absent). */
    only: z.string().max(200).optional(),
  })
  .strict();

export type Faults = z.output<typeof faultsSchema>;
export type FaultsInput = z.input<typeof faultsSchema>;

/** `target` is "METHOD /path", e.g. "POST /comune-di-prova/api/applications". */
export function faultsApplyTo(faults: Faults, target: string): boolean {
  return faults.only === undefined || new RegExp(faults.only).test(target);
}

export type FaultDecision = 'reset' | 'server-error' | 'too-many' | 'token-expired' | null;

/** What happens to a request before it is handled (one draw per fault, in this order). */
export function decideBefore(faults: Faults, target: string, random: () => number = Math.random): FaultDecision {
  if (!faultsApplyTo(faults, target)) return null;
  if (random() < faults.resetRate) return 'reset';
  if (random() < faults.tooManyRequestsRate) return 'too-many';
  if (random() < faults.serverErrorRate) return 'server-error';
  if (random() < faults.tokenExpiryRate) return 'token-expired';
  return null;
}

export function loseResponse(faults: Faults, target: string, random: () => number = Math.random): boolean {
  return faultsApplyTo(faults, target) && random() < faults.lostResponseRate;
}
