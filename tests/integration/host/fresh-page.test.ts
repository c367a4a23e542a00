/**
 * A page that reloads itself for the next citizen gets a new token from the browser host,
 * and the token it used dies with every other page still connected with it (a window the
 * previous citizen's page might have opened).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import { startTestHost, type TestHost } from '../../support/host';
import { ScriptedCard } from '../../e2e/support/scripted-card';
import { FRESH_PAGE_CALL, WS_PATH, WS_PROTOCOL, TOKEN_PROTOCOL_PREFIX } from '../../../electron/shared/wire';

let t: TestHost;
const rendererDir = mkdtempSync(join(tmpdir(), 'sportello-renderer-'));
writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Sportello</title>');

beforeAll(async () => {
  t = await startTestHost({}, { rendererDir, cardPortFactory: new ScriptedCard().factory });
});
afterAll(async () => t.stop());

interface Page {
  ws: WebSocket;
  call(call: string, input?: unknown): Promise<{ ok: boolean; value?: unknown; error?: { code: string } }>;
  closed: Promise<void>;
}

/** Connects like the page does; rejects with the HTTP status when the upgrade is refused. */
function connect(token: string): Promise<Page> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${t.host.port}${WS_PATH}`, [WS_PROTOCOL, TOKEN_PROTOCOL_PREFIX + token], { origin: t.host.origin });
    const answers = new Map<number, (r: never) => void>();
    let next = 1;
    ws.on('message', (raw) => {
      const message = JSON.parse(raw.toString()) as { id?: number; result?: never };
      if (message.id !== undefined) answers.get(message.id)?.(message.result as never);
    });
    const closed = new Promise<void>((done) => ws.on('close', () => done()));
    ws.on('open', () =>
      resolve({
        ws,
        closed,
        call: (call, input = {}) =>
          new Promise((answer) => {
            const id = next++;
            answers.set(id, answer);
            ws.send(JSON.stringify({ id, call, input }));
          }),
      }),
    );
    ws.on('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
    ws.on('error', () => {});
  });
}

describe('a fresh page for each citizen', () => {
  it('gives a new token, revokes the page token it replaces and disconnects the pages that share it', async () => {
    const first = await connect(t.host.token);
    const answer = await first.call(FRESH_PAGE_CALL);
    expect(answer.ok).toBe(true);
    const pageToken = (answer.value as { token: string }).token;
    expect(pageToken).toMatch(/^[0-9a-f]{48}$/);
    expect(pageToken).not.toBe(t.host.token);

    // The reloaded page, and a second window opened by it.
    const reloaded = await connect(pageToken);
    const popup = await connect(pageToken);
    expect(await reloaded.call('app.info')).toMatchObject({ ok: true });

    const next = await reloaded.call(FRESH_PAGE_CALL);
    const nextToken = (next.value as { token: string }).token;
    await popup.closed;
    await expect(connect(pageToken)).rejects.toThrow('HTTP 401');
    const third = await connect(nextToken);
    expect(await third.call('app.info')).toMatchObject({ ok: true });
    for (const p of [first, reloaded, third]) p.ws.close();
  });

  it('keeps the printed launch URL usable for opening the app again', async () => {
    const page = await connect(t.host.token);
    await page.call(FRESH_PAGE_CALL);
    const again = await connect(t.host.token);
    expect(await again.call('app.info')).toMatchObject({ ok: true });
    page.ws.close();
    again.ws.close();
  });
});
