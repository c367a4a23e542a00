/**
 * The browser host: the app without Electron. Serves the built renderer and carries
 * the contract over a WebSocket, on 127.0.0.1 only.
 *
 * A page must present a token (as a WebSocket sub-protocol) and come from this server's
 * own Origin, so neither another local program nor a web page open in the same browser can
 * drive the app. The token in the printed URL opens the app once (see tokens.ts).
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Core } from '../composition/core';
import type { Logger } from '../core/log/logger';
import { clientMessageSchema, FRESH_PAGE_CALL, isFileCall, SESSION_EVENT, WS_FILE_PATH, WS_PATH, WS_PROTOCOL, TOKEN_PROTOCOL_PREFIX } from '../shared/transport/ws-wire';
import { serveStatic } from './static';
import { createTokenBook } from './tokens';
import { DEFAULT_FRAME_LIMITS, frameLimit, namedCall, type FrameLimits } from './frame-limit';

export interface BrowserHostOptions {
  core: Core;
  rendererDir: string;
  log: Logger;
  /** 0 = any free port. */
  port?: number;
  /** Largest message of each kind accepted (attachments travel base64 in calls); see frame-limit.ts. */
  frameLimits?: Partial<FrameLimits>;
  /** Calls one connection may have in flight; more are answered at once with "troppe-richieste". */
  maxCallsInFlight?: number;
}

/** A page awaits each call it makes; this many at once is already far more than any screen does. */
const CALLS_IN_FLIGHT = 32;

export interface BrowserHost {
  /**
   * A URL that opens the app once: each read mints a new launch token, so whoever opens the
   * app (the terminal's user, a test, a benchmark) asks for a URL and never reuses one.
   */
  readonly url: string;
  readonly origin: string;
  readonly port: number;
  close(): Promise<void>;
}

type RawFrame = Buffer | ArrayBuffer | Buffer[];
const bytesOf = (raw: RawFrame): Buffer => (Buffer.isBuffer(raw) ? raw : Array.isArray(raw) ? Buffer.concat(raw) : Buffer.from(raw));

function refuse(socket: Duplex, status: number, reason: string): void {
  socket.write(`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
  socket.destroy();
}

export async function startBrowserHost(options: BrowserHostOptions): Promise<BrowserHost> {
  const tokens = createTokenBook();
  const limits: FrameLimits = { ...DEFAULT_FRAME_LIMITS, ...options.frameLimits };
  const log = options.log.child('host');
  let origins: string[] = [];
  const server: Server = createServer((req, res) => serveStatic(options.rendererDir, req, res, origins));
  const maxInFlight = options.maxCallsInFlight ?? CALLS_IN_FLIGHT;
  const handleProtocols = (protocols: Set<string>) => (protocols.has(WS_PROTOCOL) ? WS_PROTOCOL : false);
  // Two servers, because ws takes one frame limit per server (frame-limit.ts): the page's
  // connection, and the one its file calls use.
  const wss = new WebSocketServer({ noServer: true, maxPayload: limits.callBytes, handleProtocols });
  const fileWss = new WebSocketServer({ noServer: true, maxPayload: limits.fileBytes, handleProtocols });

  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const path = (req.url ?? '').split('?')[0];
    if (path !== WS_PATH && path !== WS_FILE_PATH) return refuse(socket, 404, 'Not Found');
    const files = path === WS_FILE_PATH;
    if (!origins.includes(req.headers.origin ?? '')) {
      log.warn('connessione rifiutata: origine non ammessa', { origin: req.headers.origin ?? null });
      return refuse(socket, 403, 'Forbidden');
    }
    const offered = String(req.headers['sec-websocket-protocol'] ?? '')
      .split(',')
      .map((p) => p.trim());
    const presented = offered.find((p) => p.startsWith(TOKEN_PROTOCOL_PREFIX))?.slice(TOKEN_PROTOCOL_PREFIX.length) ?? '';
    // The file connection takes page tokens only: a launch token spent there would leave the page without its own.
    const admission = offered.includes(WS_PROTOCOL) ? tokens.admit(presented, { pageOnly: files }) : ({ refused: 'unknown' } as const);
    if ('refused' in admission) {
      // A spent launch token is a URL taken from a terminal or the browser's history: worth telling apart.
      if (admission.refused === 'launch-token-spent') log.warn('connessione rifiutata: token di avvio già usato');
      else log.warn('connessione rifiutata: token mancante o errato');
      return refuse(socket, 401, 'Unauthorized');
    }
    (files ? fileWss : wss).handleUpgrade(req, socket, head, (ws) => attach(ws, admission.token, admission.launched, files));
  });
  // A socket error before or during the upgrade (a peer resetting the connection) is that peer's problem, not the app's.
  server.on('clientError', (error, socket) => {
    log.warn('connessione HTTP non valida', { error: String(error) });
    socket.destroy();
  });
  for (const server of [wss, fileWss]) server.on('error', (error) => log.warn('errore del server WebSocket', { error: String(error) }));

  const tokenOf = new Map<WebSocket, string>();

  /** A new token for the page that asked; the one it used dies with every other page using it. */
  const freshPage = (ws: WebSocket): { token: string } => {
    const old = tokenOf.get(ws) ?? '';
    const fresh = tokens.replace(old);
    for (const [other, used] of tokenOf) if (other !== ws && used === old) other.terminate();
    log.info('pagina rinnovata per il prossimo cittadino');
    return { token: fresh };
  };

  let nextClient = 1;
  /** `files`: the page's connection for file calls, which answers those only and carries no events. */
  const attach = (ws: WebSocket, pageToken: string, launched: boolean, files: boolean): void => {
    tokenOf.set(ws, pageToken);
    const clientId = `browser-${nextClient++}${files ? '-file' : ''}`;
    const send = (message: unknown): void => {
      if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(message));
    };
    // First, so the page holds its page token before it could need to reconnect.
    if (launched) {
      send({ event: SESSION_EVENT, payload: { token: pageToken } });
      log.info('pagina aperta con un token di avvio, ora usato', { clientId });
    }
    if (!files) for (const { event, payload } of options.core.events.snapshot()) send({ event, payload });
    const unsubscribe = files ? () => {} : options.core.events.subscribe((event, payload) => send({ event, payload }));
    // A bad frame (invalid UTF-8, over the file limit) makes ws emit 'error' and close the socket;
    // without a listener that error would end the whole process.
    ws.on('error', (error) => {
      // ws refuses a frame over the connection's limit from its header, before reading it.
      if ((error as { code?: string }).code === 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH') log.warn('connessione chiusa: messaggio troppo grande', { clientId });
      else log.warn('connessione chiusa: frame non valido', { clientId, error: String(error) });
      ws.terminate();
    });
    const tooBig = (bytes: number, call: string | undefined): void => {
      log.warn('connessione chiusa: messaggio troppo grande', { clientId, bytes, call: call ?? null });
      ws.close(1009, 'messaggio troppo grande');
    };
    let inFlight = 0;
    ws.on('message', async (raw: RawFrame) => {
      // Frames already on their way after a close are not the page's to have answered.
      if (ws.readyState !== ws.OPEN) return;
      const frame = bytesOf(raw);
      const named = namedCall(frame);
      if (frame.length > frameLimit(limits, named)) return tooBig(frame.length, named);
      let data: unknown;
      try {
        data = JSON.parse(frame.toString());
      } catch {
        return ws.close(1003, 'messaggio non valido');
      }
      const message = clientMessageSchema.safeParse(data);
      if (!message.success) return ws.close(1003, 'messaggio non valido');
      const { id, call, input } = message.data;
      if (frame.length > frameLimit(limits, call)) return tooBig(frame.length, call);
      if (inFlight >= maxInFlight) {
        return send({ id, result: { ok: false, error: { code: 'troppe-richieste', message: "Troppe richieste in corso: riprova tra un momento." } } });
      }
      if (files !== isFileCall(call)) {
        const message = files ? `Sul collegamento dei file passano solo i file: ${call} non è ammessa.` : `${call} porta un file: va inviata sul collegamento dei file.`;
        return send({ id, result: { ok: false, error: { code: 'chiamata-non-ammessa', message } } });
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
    get url() {
      return `${origin}/#token=${tokens.mintLaunch()}`;
    },
    origin,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const each of [wss, fileWss]) {
          for (const client of each.clients) client.terminate();
          each.close();
        }
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
