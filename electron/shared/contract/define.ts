/**
 * Building blocks of the contract between renderer and main.
 *
 * Every call has a zod schema for its input and for its output; every event has a
 * schema for its payload. Both transports (Electron IPC and the browser host's
 * WebSocket) carry exactly these, and the renderer's `window.sportello` type is
 * derived from them, so the two sides cannot drift apart.
 */
import { z } from 'zod';
import { codiciErrore } from './errori';

export interface CallSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  readonly input: I;
  readonly output: O;
  /** Inputs that carry a PIN or PUK: never traced, never logged, fields listed here are redacted. */
  readonly secretFields?: readonly string[];
}

export function call<I extends z.ZodType, O extends z.ZodType>(
  input: I,
  output: O,
  options: { secretFields?: readonly string[] } = {},
): CallSpec<I, O> {
  return { input, output, ...options };
}

export type CallMap = Record<string, CallSpec>;
export type EventMap = Record<string, z.ZodType>;

/** An error that crosses the boundary: a stable code and a message for a person (Italian). */
export const apiErrorSchema = z.object({
  code: z.enum(codiciErrore),
  message: z.string(),
  details: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});
export type ApiError = z.infer<typeof apiErrorSchema>;

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };

export type CallInput<C extends CallSpec> = z.input<C['input']>;
export type CallOutput<C extends CallSpec> = z.output<C['output']>;

/** The functions core implements, one per call. */
export type Handlers<M extends CallMap> = {
  [K in keyof M]: (input: z.output<M[K]['input']>, context: CallContext) => Promise<z.input<M[K]['output']>>;
};

/** Who is calling: the transport fills it; core uses it for per-window state and auditing. */
export interface CallContext {
  readonly transport: 'electron' | 'browser-host' | 'test';
  readonly clientId: string;
}
