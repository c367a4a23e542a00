/**
 * The renderer's only way to the app: `window.sportello`.
 *
 * In Electron the preload has put it there. In the browser host it is built here,
 * over the WebSocket, with the launch token the host printed in the URL fragment
 * (kept for the tab's life in sessionStorage so a reload still works, and removed
 * from the address bar at once).
 */
import { calls, events } from '../../../electron/shared/contract';
import type { Sportello } from '../../../electron/shared/contract/api';
import { createBridge } from '../../../electron/shared/bridge';
import { createWebSocketTransport, webSocketUrl } from '../../../electron/shared/ws-transport';
import type { BridgeTransport } from '../../../electron/shared/bridge';
import { FRESH_PAGE_CALL, freshPageSchema } from '../../../electron/shared/wire';

declare global {
  interface Window {
    sportello?: Sportello;
  }
}

const TOKEN_KEY = 'sportello.token';

function launchToken(): string {
  const match = /(?:^|[#&])token=([0-9a-f]{16,128})/.exec(window.location.hash);
  if (match?.[1]) {
    sessionStorage.setItem(TOKEN_KEY, match[1]);
    history.replaceState(null, '', window.location.pathname);
    return match[1];
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

export const connectionListeners = new Set<(connected: boolean) => void>();

let hostTransport: BridgeTransport | undefined;
const FRESH_PAGE_WAIT_MS = 3_000;

function browserHostApi(): Sportello {
  const transport = (hostTransport = createWebSocketTransport({
    url: webSocketUrl(window.location.origin),
    token: launchToken(),
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
    const parsed = answer?.ok ? freshPageSchema.safeParse(answer.value) : null;
    if (parsed?.success) sessionStorage.setItem(TOKEN_KEY, parsed.data.token);
  }
  window.location.reload();
}
