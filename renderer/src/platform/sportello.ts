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

function browserHostApi(): Sportello {
  const transport = createWebSocketTransport({
    url: webSocketUrl(window.location.origin),
    token: launchToken(),
    onConnectionChange: (connected) => connectionListeners.forEach((l) => l(connected)),
  });
  return createBridge(calls, events, transport) as Sportello;
}

export const sportello: Sportello = window.sportello ?? browserHostApi();
