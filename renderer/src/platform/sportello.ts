/**
 * The renderer's only way to the app: `window.sportello`.
 *
 * In Electron the preload has put it there. In the browser host it is built here,
 * over the WebSocket (see host-connection.ts for the tokens it presents).
 */
import { calls, events } from '../../../electron/shared/contract';
import type { Sportello } from '../../../electron/shared/contract/api';
import { createBridge } from '../../../electron/shared/contract/bridge';
import type { BridgeTransport } from '../../../electron/shared/contract/bridge';
import { FRESH_PAGE_CALL, pageTokenSchema } from '../../../electron/shared/transport/ws-wire';
import { connectBrowserHost, TOKEN_KEY } from './host-connection';

declare global {
  interface Window {
    sportello?: Sportello;
  }
}

export const connectionListeners = new Set<(connected: boolean) => void>();

let hostTransport: BridgeTransport | undefined;
const FRESH_PAGE_WAIT_MS = 3_000;

function browserHostApi(): Sportello {
  const transport = (hostTransport = connectBrowserHost(window, {
    onConnectionChange: (connected) => connectionListeners.forEach((l) => l(connected)),
  }));
  return createBridge(calls, events, transport) as Sportello;
}

export const sportello: Sportello = window.sportello ?? browserHostApi();

/**
 * Replaces the page with a new one, so that no script, listener or object of the previous
 * citizen's page lives on into the next citizen's (a JavaScript realm cannot be cleaned, only
 * dropped). In the browser host the new page also gets a new token and the old one stops
 * working. If the host cannot be asked, the page reloads anyway with the token it has.
 */
export async function freshPage(): Promise<void> {
  if (hostTransport) {
    // A host that does not answer (restarting) must not keep the previous citizen's page alive.
    const noAnswer = new Promise<null>((resolve) => setTimeout(() => resolve(null), FRESH_PAGE_WAIT_MS));
    const answer = await Promise.race([hostTransport.invoke(FRESH_PAGE_CALL, {}), noAnswer]);
    const parsed = answer?.ok ? pageTokenSchema.safeParse(answer.value) : null;
    if (parsed?.success) sessionStorage.setItem(TOKEN_KEY, parsed.data.token);
  }
  window.location.reload();
}
