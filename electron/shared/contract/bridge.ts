/**
 * Builds `window.sportello` from the contract over any transport.
 *
 * The Electron preload passes a transport made of ipcRenderer calls (one channel per
 * contract entry); the browser host's page passes a WebSocket transport. The
 * resulting object is the same: `sportello.<area>.<call>(input)` and
 * `sportello.on(event, listener)`.
 */
import type { CallMap, EventMap, Result, CallInput, CallOutput } from './define';
import type { z } from 'zod';

export interface BridgeTransport {
  invoke(call: string, input: unknown): Promise<Result<unknown>>;
  subscribe(event: string, listener: (payload: unknown) => void): () => void;
}

type Area<K> = K extends `${infer A}.${string}` ? A : never;
type Member<K, A extends string> = K extends `${A}.${infer M}` ? M : never;

/** `sportello.app.info(...)`: calls grouped by the area before the dot. */
export type NestedApi<M extends CallMap, E extends EventMap> = {
  readonly [A in Area<keyof M & string>]: {
    readonly [K in keyof M & string as Member<K, A>]: (input: CallInput<M[K]>) => Promise<Result<CallOutput<M[K]>>>;
  };
} & {
  readonly on: <K extends keyof E & string>(event: K, listener: (payload: z.output<E[K]>) => void) => () => void;
};

export function createBridge<M extends CallMap, E extends EventMap>(
  calls: M,
  events: E,
  transport: BridgeTransport,
): NestedApi<M, E> {
  const api: Record<string, Record<string, (input: unknown) => Promise<Result<unknown>>>> = {};
  for (const name of Object.keys(calls)) {
    const dot = name.indexOf('.');
    const area = name.slice(0, dot);
    const member = name.slice(dot + 1);
    api[area] ??= {};
    api[area][member] = (input: unknown) => transport.invoke(name, input);
  }
  const on = (event: string, listener: (payload: unknown) => void): (() => void) => {
    if (!(event in events)) throw new Error(`evento sconosciuto: ${event}`);
    return transport.subscribe(event, listener);
  };
  return Object.freeze({ ...api, on }) as unknown as NestedApi<M, E>;
}
