import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import { launchToken, startTestHost, type TestHost } from '../../support/host';
import { sportelloOf } from '../../support/sportello';
import { WS_PATH, WS_PROTOCOL, TOKEN_PROTOCOL_PREFIX } from '../../../electron/shared/transport/ws-wire';
import { createWebSocketTransport } from '../../../electron/shared/transport/ws-transport';
import { createBridge } from '../../../electron/shared/contract/bridge';
import { calls, events } from '../../../electron/shared/contract';
import type { Sportello } from '../../../electron/shared/contract/api';

let t: TestHost;
const rendererDir = mkdtempSync(join(tmpdir(), 'sportello-renderer-'));
writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Sportello</title>');

beforeAll(async () => {
  t = await startTestHost({ comune: { id: 'comune-di-test', nome: 'Comune di Test' } }, { rendererDir });
});
afterAll(async () => t.stop());

/** Opens a raw WebSocket and resolves with the HTTP status of a refused upgrade, or 101. */
function upgradeStatus(headers: { origin?: string; protocols?: string[] }): Promise<number> {
  return new Promise((resolve) => {
    const ws = new WebSocket(`ws://127.0.0.1:${t.host.port}${WS_PATH}`, headers.protocols ?? [], {
      ...(headers.origin ? { origin: headers.origin } : {}),
    });
    ws.on('open', () => {
      ws.close();
      resolve(101);
    });
    ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
    ws.on('error', () => {});
  });
}

describe('browser host', () => {
  it('listens on 127.0.0.1 only and prints a URL carrying a launch token in the fragment', () => {
    expect(t.host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#token=[0-9a-f]{48}$/);
  });

  it('refuses a WebSocket without the token', async () => {
    expect(await upgradeStatus({ origin: t.host.origin, protocols: [WS_PROTOCOL] })).toBe(401);
  });

  it('refuses a WebSocket with a wrong token', async () => {
    expect(await upgradeStatus({ origin: t.host.origin, protocols: [WS_PROTOCOL, TOKEN_PROTOCOL_PREFIX + '0'.repeat(48)] })).toBe(401);
  });

  it('refuses a WebSocket from another Origin, even with the token', async () => {
    const protocols = [WS_PROTOCOL, TOKEN_PROTOCOL_PREFIX + launchToken(t.host)];
    expect(await upgradeStatus({ origin: 'http://evil.example', protocols })).toBe(403);
    expect(await upgradeStatus({ protocols })).toBe(403);
  });

  it('accepts the right token from its own Origin', async () => {
    expect(await upgradeStatus({ origin: t.host.origin, protocols: [WS_PROTOCOL, TOKEN_PROTOCOL_PREFIX + launchToken(t.host)] })).toBe(101);
  });

  describe('through the same bridge the page uses', () => {
    let api: Sportello;
    beforeAll(() => {
      class OriginWebSocket extends WebSocket {
        constructor(url: string, protocols: string[]) {
          super(url, protocols, { origin: t.host.origin });
        }
      }
      const transport = createWebSocketTransport({
        url: `ws://127.0.0.1:${t.host.port}${WS_PATH}`,
        token: launchToken(t.host),
        WebSocketImpl: OriginWebSocket as unknown as typeof globalThis.WebSocket,
      });
      api = createBridge(calls, events, transport) as Sportello;
    });

    it('carries a valid call to core and back', async () => {
      const result = await api.app.info({});
      expect(result).toMatchObject({ ok: true, value: { name: 'Sportello', comune: { nome: 'Comune di Test' } } });
    });

    it('rejects input that fails the schema with a clear error', async () => {
      const result = await api.app.echo({ text: '' });
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.error.code).toBe('input-non-valido');
      expect(result.error.details?.[0]?.path).toBe('text');
      const wrongType = await api.app.echo({ text: 42 } as unknown as { text: string });
      expect(wrongType).toMatchObject({ ok: false, error: { code: 'input-non-valido' } });
    });

    it('delivers events, starting from the current state', async () => {
      const status = await new Promise((resolve) => api.on('sync.status', resolve));
      expect(status).toMatchObject({ online: expect.any(Boolean) });
    });
  });

  it('serves the renderer with a strict CSP and never a file outside it', async () => {
    const page = await fetch(`${t.host.origin}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(page.headers.get('content-security-policy')).toContain("object-src 'none'");
    // Forms' logic runs in the WebAssembly sandbox: the page itself may never evaluate strings as code.
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self' 'wasm-unsafe-eval';");
    expect(page.headers.get('content-security-policy')).not.toContain("'unsafe-eval'");
    const escape = await fetch(`${t.host.origin}/..%2f..%2fpackage.json`);
    expect([403, 404]).toContain(escape.status);
  });
});

describe('printing in the browser host', () => {
  it('answers printed: false so the page offers the PDF to save, and refuses what is not a PDF', async () => {
    const { app } = sportelloOf(t.core);
    const pdf = Buffer.from('%PDF-1.7\n').toString('base64');
    expect(await app.print({ jobName: 'Ricevuta', pdfBase64: pdf })).toEqual({ ok: true, value: { printed: false } });
    const notPdf = Buffer.from('<html>').toString('base64');
    expect(await app.print({ jobName: 'Ricevuta', pdfBase64: notPdf })).toMatchObject({
      ok: false,
      error: { code: 'documento-non-valido' },
    });
  });
});
