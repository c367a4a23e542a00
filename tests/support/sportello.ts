/**
 * `window.sportello` for tests: the object the renderer holds, built from the contract by the
 * same bridge, over core's dispatch in this process instead of IPC or the WebSocket. Calls are
 * typed by the contract (`api.card.pinStatus({})`), events arrive as the renderer gets them (the
 * current state first, then each new one), and nothing is called by a string name.
 */
import type { Dispatch } from '../../electron/core/api/dispatch';
import type { Core } from '../../electron/composition/core';
import { createBridge, type BridgeTransport, type NestedApi } from '../../electron/shared/contract/bridge';
import type { z } from 'zod';
import { calls, events, type Events } from '../../electron/shared/contract';
import type { Sportello } from '../../electron/shared/contract/api';
import type { ApiError, CallContext, CallMap, Result } from '../../electron/shared/contract/define';

const TEST_CALLER: CallContext = { transport: 'test', clientId: 'test' };

function invokeOver(dispatch: Dispatch, caller: CallContext): BridgeTransport['invoke'] {
  return (name, input) => dispatch(name, input, caller);
}

/** The whole app's API over `core`; `caller` tells core which window is calling (a desk and a kiosk in one test). */
export function sportelloOf(core: Pick<Core, 'dispatch' | 'events'>, caller: CallContext = TEST_CALLER): Sportello {
  const subscribe: BridgeTransport['subscribe'] = (event, listener) => {
    // As a renderer's listener starts: from the event's current state (core's snapshot), then each new one.
    const current = core.events.snapshot().find((e) => e.event === event);
    if (current) listener(current.payload);
    return core.events.subscribe((name, payload) => name === event && listener(payload));
  };
  return createBridge(calls, events, { invoke: invokeOver(core.dispatch, caller), subscribe });
}

/** An event's current state, as a page that subscribed now gets it first (core's snapshot); undefined before any. */
export function latestOf<K extends keyof Events & string>(api: Sportello, event: K): z.output<Events[K]> | undefined {
  let latest: z.output<Events[K]> | undefined;
  api.on(event, (payload) => (latest = payload))();
  return latest;
}

/** The API of one area's contract over that area's own dispatch (a module tested without the whole core); it has no events. */
export function areaApiOf<M extends CallMap>(contract: M, dispatch: Dispatch, caller: CallContext = TEST_CALLER): NestedApi<M, Record<never, never>> {
  // `on` refuses every event name before it reaches the transport: an area's contract declares none.
  const subscribe = (): never => {
    throw new Error('nessun evento in questo contratto');
  };
  return createBridge(contract, {}, { invoke: invokeOver(dispatch, caller), subscribe });
}

/** The value of a call that must succeed; a refusal fails the test with its code, message and details. */
export async function valueOf<T>(reply: Promise<Result<T>>): Promise<T> {
  const result = await reply;
  if (!result.ok) throw new Error(`chiamata fallita: ${result.error.code} ${result.error.message} ${JSON.stringify(result.error.details ?? [])}`);
  return result.value;
}

/** The error of a call that must fail; a success fails the test. */
export async function errorOf(reply: Promise<Result<unknown>>): Promise<ApiError> {
  const result = await reply;
  if (result.ok) throw new Error(`la chiamata doveva fallire, ha dato ${JSON.stringify(result.value).slice(0, 200)}`);
  return result.error;
}
