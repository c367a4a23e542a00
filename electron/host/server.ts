/**
 * The browser host: the app without Electron. Serves the built renderer and carries
 * the contract over a WebSocket, on 127.0.0.1 only.
 *
 * A random token made at launch must be presented by the page (as a WebSocket
 * sub-protocol) and the Origin must be this server's own, so neither another local
 * program nor a web page open in the same browser can drive the app.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Core } from '../core/composition';
import type { Logger } from '../core/log/logger';
import { clientMessageSchema, FRESH_PAGE_CALL, WS_PATH, WS_PROTOCOL, TOKEN_PROTOCOL_PREFIX } from '../shared/wire';
import { serveStatic } from './static';

export interface BrowserHostOptions {
  core: Core;
  rendererDir: string;
  log: Logger;
  /** 0 = any free port. */
  port?: number;
  /** Fixed token for tests; a fresh random one otherwise. */
  token?: string;
  /** Largest message accepted (attachments travel base64 in calls). */
  maxMessageBytes?: number;
  /** Calls one connection may have in flight; more are answered at once with "troppe-richieste". */
  maxCallsInFlight?: number;
}

/** A page awaits each call it makes; this many at once is already far more than any screen does. */
const CALLS_IN_FLIGHT = 32;

/** Page tokens alive at once: one per open page is the norm; the oldest go first beyond this. */
const PAGE_TOKENS = 16;

export interface BrowserHost {
  readonly url: string;
  readonly origin: string;
  readonly port: number;
  readonly token: string;
  close(): Promise<void>;
}

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function refuse(socket: Duplex, status: number, reason: string): void {
  socket.write(`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
  socket.destroy();
}

export async function startBrowserHost(options: BrowserHostOptions): Promise<BrowserHost> {
  const token = options.token ?? randomBytes(24).toString('hex');
  // The launch token opens the app (the printed URL, reusable); each reload for a new citizen gets its own.
  const pageTokens: string[] = [];
  const accepted = (presented: string): string | undefined => [token, ...pageTokens].find((t) => sameToken(presented, t));
  const log = options.log.child('host');
  let origins: string[] = [];
  const server: Server = createServer((req, res) => serveStatic(options.rendererDir, req, res, origins));
  const maxInFlight = options.maxCallsInFlight ?? CALLS_IN_FLIGHT;
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: options.maxMessageBytes ?? 40 * 1024 * 1024,
    handleProtocols: (protocols) => (protocols.has(WS_PROTOCOL) ? WS_PROTOCOL : false),
  });

  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const path = (req.url ?? '').split('?')[0];
    if (path !== WS_PATH) return refuse(socket, 404, 'Not Found');
    if (!origins.includes(req.headers.origin ?? '')) {
      log.warn('connessione rifiutata: origine non ammessa', { origin: req.headers.origin ?? null });
      return refuse(socket, 403, 'Forbidden');
    }
    const offered = String(req.headers['sec-websocket-protocol'] ?? '')
      .split(',')
      .map((p) => p.trim());
    const presented = offered.find((p) => p.startsWith(TOKEN_PROTOCOL_PREFIX))?.slice(TOKEN_PROTOCOL_PREFIX.length) ?? '';
    const valid = offered.includes(WS_PROTOCOL) ? accepted(presented) : undefined;
    if (!valid) {
      log.warn('connessione rifiutata: token mancante o errato');
      return refuse(socket, 401, 'Unauthorized');
    }
    wss.handleUpgrade(req, socket, head, (ws) => attach(ws, valid));
  });
  // A socket error before or during the upgrade (a peer resetting the connection) is that peer's problem, not the app's.
  server.on('clientError', (error, socket) => {
    log.warn('connessione HTTP non valida', { error: String(error) });
    socket.destroy();
  });
  wss.on('error', (error) => log.warn('errore del server WebSocket', { error: String(error) }));

  const tokenOf = new Map<WebSocket, string>();

  /** A new token for the page that asked; the one it used dies with every other page using it. */
  const freshPage = (ws: WebSocket): { token: string } => {
    const old = tokenOf.get(ws);
    const fresh = randomBytes(24).toString('hex');
    const index = old === undefined ? -1 : pageTokens.indexOf(old);
    if (index >= 0) pageTokens.splice(index, 1);
    pageTokens.push(fresh);
    if (pageTokens.length > PAGE_TOKENS) pageTokens.shift();
    for (const [other, used] of tokenOf) if (other !== ws && used === old) other.terminate();
    log.info('pagina rinnovata per il prossimo cittadino');
    return { token: fresh };
  };

  let nextClient = 1;
  const attach = (ws: WebSocket, usedToken: string): void => {
    tokenOf.set(ws, usedToken);
    const clientId = `browser-${nextClient++}`;
    const send = (message: unknown): void => {
      if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(message));
    };
    for (const { event, payload } of options.core.events.snapshot()) send({ event, payload });
    const unsubscribe = options.core.events.subscribe((event, payload) => send({ event, payload }));
    // A bad frame (invalid UTF-8, over maxPayload) makes ws emit 'error' and close the socket;
    // without a listener that error would end the whole process.
    ws.on('error', (error) => {
      log.warn('connessione chiusa: frame non valido', { clientId, error: String(error) });
      ws.terminate();
    });
    let inFlight = 0;
    ws.on('message', async (raw) => {
      let data: unknown;
      try {
        data = JSON.parse(raw.toString());
      } catch {
        return ws.close(1003, 'messaggio non valido');
      }
      const message = clientMessageSchema.safeParse(data);
      if (!message.success) return ws.close(1003, 'messaggio non valido');
      const { id, call, input } = message.data;
      if (inFlight >= maxInFlight) {
        return send({ id, result: { ok: false, error: { code: 'troppe-richieste', message: "Troppe richieste in corso: riprova tra un momento." } } });
      }
      if (call === FRESH_PAGE_CALL) return send({ id, result: { ok: true, value: freshPage(ws) } });
      inFlight += 1;
      try {
        const result = await options.core.dispatch(call, input, { transport: 'browser-host', clientId });
        send({ id, result });
      } finally {
        inFlight -= 1;
      }
    });
    ws.on('close', () => {
      tokenOf.delete(ws);
      unsubscribe();
    });
  };

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('browser host: no address');
  const port = address.port;
  const origin = `http://127.0.0.1:${port}`;
  origins = [origin, `http://localhost:${port}`];
  return {
    url: `${origin}/#token=${token}`,
    origin,
    port,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of wss.clients) client.terminate();
        wss.close();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
