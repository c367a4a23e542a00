/**
 * The launch token opens the app once: the connection that presents it is handed a page
 * token (its session key), and the launch token is refused from then on, so a URL found in
 * a terminal or the browser's history opens nothing. The page keeps its page token for its
 * reconnections and reloads (renderer/src/platform/host-connection.ts, run here without a DOM).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import { launchToken, startTestHost, type TestHost } from '../../support/host';
import { SESSION_EVENT } from '../../../electron/shared/transport/ws-wire';
import { connectBrowserHost, TOKEN_KEY, type HostPage } from '../../../renderer/src/platform/host-connection';
import { connectPage } from './page-client';

let t: TestHost;
const rendererDir = mkdtempSync(join(tmpdir(), 'sportello-renderer-'));
writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Sportello</title>');
const PAGE_TOKEN = /^[0-9a-f]{48}$/;

beforeAll(async () => {
  t = await startTestHost({}, { rendererDir });
});
afterAll(async () => t.stop());

/** The page token the host handed a connection, from its first message. */
async function sessionToken(received: unknown[]): Promise<string> {
  await expect.poll(() => received.length).toBeGreaterThan(0);
  const first = received[0] as { event?: string; payload?: { token?: string } };
  expect(first.event).toBe(SESSION_EVENT);
  return first.payload?.token ?? '';
}

describe('the launch token', () => {
  it('opens one connection, which is handed a page token before anything else; a second use is refused and logged', async () => {
    const launch = launchToken(t.host);
    const first = await connectPage(t.host, launch);
    const session = await sessionToken(first.received);
    expect(session).toMatch(PAGE_TOKEN);
    expect(session).not.toBe(launch);
    expect(await first.call('app.info')).toMatchObject({ ok: true });

    await expect(connectPage(t.host, launch)).rejects.toThrow('HTTP 401');
    expect(readFileSync(t.logFile, 'utf8')).toContain('connessione rifiutata: token di avvio già usato');

    // The page token opens the page's reconnections and reloads, any number of times, with no new one.
    for (let i = 0; i < 2; i++) {
      const again = await connectPage(t.host, session);
      expect(await again.call('app.info')).toMatchObject({ ok: true });
      expect(again.received.some((m) => (m as { event?: string }).event === SESSION_EVENT)).toBe(false);
      again.ws.close();
    }
    first.ws.close();
  });

  it('is new at each read of the URL, and one not used yet still opens the app once', async () => {
    const earlier = launchToken(t.host);
    const later = launchToken(t.host);
    expect(later).not.toBe(earlier);
    for (const token of [later, earlier]) {
      const page = await connectPage(t.host, token);
      expect(await page.call('app.info')).toMatchObject({ ok: true });
      page.ws.close();
      await expect(connectPage(t.host, token)).rejects.toThrow('HTTP 401');
    }
  });
});

describe('the page in the browser host', () => {
  class OriginWebSocket extends WebSocket {
    constructor(url: string, protocols: string[]) {
      super(url, protocols, { origin: t.host.origin });
      // The transport learns of a failure from 'close'; an 'error' without a listener would throw.
      this.on('error', () => {});
    }
  }
  const WebSocketImpl = OriginWebSocket as unknown as typeof globalThis.WebSocket;

  /** A browser tab as host-connection.ts sees it: the address bar, history, sessionStorage. */
  function tab(url: string, storage = new Map<string, string>()): HostPage & { storage: Map<string, string> } {
    const { hash, pathname, origin } = new URL(url);
    const location = { hash, pathname, origin };
    return {
      storage,
      location,
      history: {
        replaceState(_data: unknown, _unused: string, next?: string) {
          if (next === undefined) return;
          const replaced = new URL(next, origin);
          location.hash = replaced.hash;
          location.pathname = replaced.pathname;
        },
      },
      sessionStorage: { getItem: (k) => storage.get(k) ?? null, setItem: (k, v) => void storage.set(k, v) },
    };
  }

  it('takes the launch token out of the URL, keeps its page token, and reconnects and reloads with it', async () => {
    const url = t.host.url;
    const launch = new URL(url).hash.replace(/^#token=/, '');
    const page = tab(url);
    const connections: boolean[] = [];
    const transport = connectBrowserHost(page, { WebSocketImpl, onConnectionChange: (c) => connections.push(c) });
    expect(page.location.hash).toBe('');
    expect(await transport.invoke('app.info', {})).toMatchObject({ ok: true });
    const session = page.storage.get(TOKEN_KEY) ?? '';
    expect(session).toMatch(PAGE_TOKEN);
    expect(session).not.toBe(launch);

    // The host drops the connection (a frame over the limit): the page comes back with its page token.
    expect(await transport.invoke('pratiche.list', { pad: 'x'.repeat(1024 * 1024) })).toMatchObject({ ok: false, error: { code: 'connessione-persa' } });
    await expect.poll(() => connections, { timeout: 5_000 }).toEqual([true, false, true]);
    expect(await transport.invoke('app.info', {})).toMatchObject({ ok: true });

    // A reload: the same tab's storage, no token in the URL.
    const reloaded = connectBrowserHost(tab(t.host.origin + '/', page.storage), { WebSocketImpl });
    expect(await reloaded.invoke('app.info', {})).toMatchObject({ ok: true });
  });
});
