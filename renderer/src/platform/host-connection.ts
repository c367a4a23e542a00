/**
 * The page's connection to the browser host, and the token it presents.
 *
 * The URL the host printed carries a launch token in its fragment. It opens the app once: the
 * host answers the first connection with a page token (SESSION_EVENT) and refuses the launch
 * token from then on, so the URL is worth nothing in the browser's history. The tab keeps the
 * token it is to present next in sessionStorage: the launch token until the host answers, then
 * the page token, which survives a reload and every reconnection of this tab and no other.
 *
 * Calls that carry a file go on a second connection (WS_FILE_PATH), opened at the first such
 * call with the page token: only there does the host accept frames of megabytes.
 */
import { createWebSocketTransport, webSocketUrl } from '../../../electron/shared/transport/ws-transport';
import type { BridgeTransport } from '../../../electron/shared/contract/bridge';
import { isFileCall, pageTokenSchema, SESSION_EVENT, WS_FILE_PATH } from '../../../electron/shared/transport/ws-wire';

export const TOKEN_KEY = 'sportello.token';

/** The little of `window` this needs, so that it also runs in a test without a DOM. */
export interface HostPage {
  location: { hash: string; pathname: string; origin: string };
  history: { replaceState(data: unknown, unused: string, url?: string): void };
  sessionStorage: { getItem(key: string): string | null; setItem(key: string, value: string): void };
}

export interface HostConnectionOptions {
  onConnectionChange?: (connected: boolean) => void;
  /** Injected for tests; defaults to the browser's WebSocket. */
  WebSocketImpl?: typeof WebSocket;
}

/** Moves a launch token from the address bar to the tab's storage. */
function takeLaunchToken(page: HostPage): void {
  const match = /(?:^|[#&])token=([0-9a-f]{16,128})/.exec(page.location.hash);
  if (!match?.[1]) return;
  page.sessionStorage.setItem(TOKEN_KEY, match[1]);
  // Replaced, not pushed: Back must not lead to the URL with the token.
  page.history.replaceState(null, '', page.location.pathname);
}

export function connectBrowserHost(page: HostPage, options: HostConnectionOptions = {}): BridgeTransport {
  takeLaunchToken(page);
  const open = (path?: string, onConnectionChange?: (connected: boolean) => void) =>
    createWebSocketTransport({
      url: webSocketUrl(page.location.origin, path),
      // A getter, because the transport reads the token at every (re)connection: after the first
      // one it must present the page token, the launch token being spent.
      get token() {
        return page.sessionStorage.getItem(TOKEN_KEY) ?? '';
      },
      ...(options.WebSocketImpl ? { WebSocketImpl: options.WebSocketImpl } : {}),
      ...(onConnectionChange ? { onConnectionChange } : {}),
    });
  const transport = open(undefined, options.onConnectionChange);
  transport.subscribe(SESSION_EVENT, (payload) => {
    const parsed = pageTokenSchema.safeParse(payload);
    if (parsed.success) page.sessionStorage.setItem(TOKEN_KEY, parsed.data.token);
  });
  let files: BridgeTransport | undefined;
  return {
    invoke: (call, input) => (isFileCall(call) ? (files ??= open(WS_FILE_PATH)) : transport).invoke(call, input),
    subscribe: (event, listener) => transport.subscribe(event, listener),
  };
}
