/**
 * The portal as the form helper needs it: one GET under `/{tenant}/api/`, ended by the signal.
 * The adapter (adapters/portal/form-helper-portal.ts) turns every failure into a FormHelperPortalFailure,
 * so the helper tells "not reachable now" (answer from the cache) from "refused" (say so).
 */
export interface FormHelperPortal {
  /** The tenant the answers belong to: the cache keeps comuni apart. */
  readonly tenant: string;
  get(request: { segments: readonly string[]; query: readonly (readonly [string, string])[] }, signal: AbortSignal): Promise<unknown>;
}

export class FormHelperPortalFailure extends Error {
  constructor(
    /** `unreachable`: network, timeout, 5xx, 429; `refused`: any other answer that is not a 2xx. */
    readonly reason: 'unreachable' | 'refused',
    message: string,
    readonly status: number | null,
  ) {
    super(message);
    this.name = 'FormHelperPortalFailure';
  }
}
