/**
 * Contract calls answer Result values; screens want either the value or an error a
 * person can read. `unwrap` turns a failed Result into a CallError carrying the
 * core's Italian message as it is.
 */
import type { ApiError, Result } from '../../../electron/shared/contract/define';

export class CallError extends Error {
  constructor(readonly apiError: ApiError) {
    super(apiError.message);
    this.name = 'CallError';
  }
}

export async function unwrap<T>(pending: Promise<Result<T>>): Promise<T> {
  const result = await pending;
  if (!result.ok) throw new CallError(result.error);
  return result.value;
}

/** The message to show for anything thrown by a call (transport failures included). */
export function messageOf(error: unknown): string {
  if (error instanceof CallError) {
    const details = error.apiError.details?.map((d) => d.message).join('; ');
    return details ? `${error.message} (${details})` : error.message;
  }
  return error instanceof Error ? error.message : String(error);
}
