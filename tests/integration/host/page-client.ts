/**
 * A raw WebSocket client of the browser host that connects like the page does (its Origin,
 * its sub-protocols) and writes messages as the page's transport does ({ id, call, input }).
 */
import WebSocket from 'ws';
import type { BrowserHost } from '../../../electron/host/server';
import { SESSION_EVENT, WS_FILE_PATH, WS_PATH, WS_PROTOCOL, TOKEN_PROTOCOL_PREFIX } from '../../../electron/shared/transport/ws-wire';

export interface CallResult {
  ok: boolean;
  value?: unknown;
  error?: { code: string };
}

export interface PageClient {
  ws: WebSocket;
  /** Every message from the host, in order of arrival. */
  received: unknown[];
  call(call: string, input?: unknown): Promise<CallResult>;
  /** Sends a frame written by hand and awaits the answer with this id. */
  send(frame: string, id: number): Promise<CallResult>;
  /** The close code, once the connection is closed. */
  closed: Promise<number>;
}

/** Resolves once connected; rejects with "HTTP <status>" when the upgrade is refused. `path`: the file connection's. */
export function connectPage(host: BrowserHost, token: string, path: string = WS_PATH): Promise<PageClient> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${host.port}${path}`, [WS_PROTOCOL, TOKEN_PROTOCOL_PREFIX + token], { origin: host.origin });
    const answers = new Map<number, (r: CallResult) => void>();
    const received: unknown[] = [];
    let next = 1;
    ws.on('message', (raw) => {
      const message = JSON.parse(raw.toString()) as { id?: number; result?: CallResult };
      received.push(message);
      if (message.id !== undefined && message.result) answers.get(message.id)?.(message.result);
    });
    const closed = new Promise<number>((done) => ws.on('close', (code) => done(code)));
    const send = (frame: string, id: number): Promise<CallResult> =>
      new Promise((answer) => {
        answers.set(id, answer);
        ws.send(frame);
      });
    ws.on('open', () =>
      resolve({
        ws,
        received,
        closed,
        send,
        call: (call, input = {}) => {
          const id = next++;
          return send(JSON.stringify({ id, call, input }), id);
        },
      }),
    );
    ws.on('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
    ws.on('error', () => {});
  });
}

/** Whether the host answered the call or closed the connection first, and with which code. */
export async function answeredOrClosed(page: PageClient, answer: Promise<CallResult>): Promise<string> {
  return Promise.race([answer.then(() => 'answered'), page.closed.then((code) => `closed ${code}`)]);
}

/** The page token the host gave a page that opened with a launch token (its first message). */
async function pageTokenOf(page: PageClient): Promise<string> {
  for (;;) {
    const first = page.received.find((m): m is { event: string; payload: { token: string } } => (m as { event?: string }).event === SESSION_EVENT);
    if (first) return first.payload.token;
    await new Promise((resolve) => page.ws.once('message', resolve));
  }
}

/** The file connection of a page, as the page's transport opens it (host-connection.ts). */
export async function connectFiles(host: BrowserHost, page: PageClient): Promise<PageClient> {
  return connectPage(host, await pageTokenOf(page), WS_FILE_PATH);
}
