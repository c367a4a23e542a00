/**
 * The browser side of the browser host: a BridgeTransport over a WebSocket.
 * Runs in the page (browser WebSocket API), reconnects when the host restarts, and
 * answers pending calls with a clear error when the connection drops.
 */
import type { BridgeTransport } from '../contract/bridge';
import type { Result } from '../contract/define';
import { createEventHub } from '../contract/event-hub';
import { serverMessageSchema, WS_PATH, WS_PROTOCOL, TOKEN_PROTOCOL_PREFIX } from './ws-wire';

const LOST: Result<never> = {
  ok: false,
  error: { code: 'connessione-persa', message: "Collegamento con l'applicazione interrotto. Riprova tra qualche secondo." },
};

export interface WebSocketTransportOptions {
  url: string;
  token: string;
  /** Injected for tests; defaults to the browser's WebSocket. */
  WebSocketImpl?: typeof WebSocket;
  onConnectionChange?: (connected: boolean) => void;
}

export function webSocketUrl(pageOrigin: string, path: string = WS_PATH): string {
  return pageOrigin.replace(/^http/, 'ws') + path;
}

export function createWebSocketTransport(options: WebSocketTransportOptions): BridgeTransport {
  const Impl = options.WebSocketImpl ?? WebSocket;
  const pending = new Map<number, (result: Result<unknown>) => void>();
  const hub = createEventHub();
  const queue: string[] = [];
  let nextId = 1;
  let socket: WebSocket | undefined;
  let retry = 250;

  const connect = (): void => {
    const ws = new Impl(options.url, [WS_PROTOCOL, TOKEN_PROTOCOL_PREFIX + options.token]);
    socket = ws;
    ws.onopen = () => {
      retry = 250;
      options.onConnectionChange?.(true);
      for (const message of queue.splice(0)) ws.send(message);
    };
    ws.onmessage = (event: MessageEvent) => {
      let data: unknown;
      try {
        data = JSON.parse(String(event.data));
      } catch {
        return;
      }
      const parsed = serverMessageSchema.safeParse(data);
      if (!parsed.success) return;
      const message = parsed.data;
      if ('id' in message) {
        pending.get(message.id)?.(message.result as Result<unknown>);
        pending.delete(message.id);
      } else {
        hub.deliver(message.event, message.payload);
      }
    };
    ws.onclose = () => {
      options.onConnectionChange?.(false);
      for (const resolve of pending.values()) resolve(LOST);
      pending.clear();
      queue.length = 0;
      setTimeout(connect, retry);
      retry = Math.min(retry * 2, 5000);
    };
  };
  connect();

  return {
    invoke(call, input) {
      const id = nextId++;
      const message = JSON.stringify({ id, call, input });
      return new Promise((resolve) => {
        pending.set(id, resolve);
        if (socket && socket.readyState === Impl.OPEN) socket.send(message);
        else queue.push(message);
      });
    },
    subscribe: (event, listener) => hub.subscribe(event, listener),
  };
}
