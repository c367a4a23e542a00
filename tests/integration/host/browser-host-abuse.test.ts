/**
 * The browser host against a misbehaving client: a frame of invalid UTF-8, frames
 * over the size limits, and a flood of calls on one connection. Each must cost that
 * connection only: the host keeps serving other connections, promptly.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import { launchToken, startTestHost, type TestHost } from '../../support/host';
import { connectFiles, connectPage } from './page-client';
import { WS_PATH, WS_PROTOCOL, TOKEN_PROTOCOL_PREFIX } from '../../../electron/shared/transport/ws-wire';

let t: TestHost;
const rendererDir = mkdtempSync(join(tmpdir(), 'sportello-renderer-'));
writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Sportello</title>');
const MAX_MESSAGE = 64 * 1024;
const MAX_FILE_MESSAGE = 256 * 1024;
const IN_FLIGHT = 8;

beforeAll(async () => {
  t = await startTestHost({}, { rendererDir, frameLimits: { callBytes: MAX_MESSAGE, fileBytes: MAX_FILE_MESSAGE }, maxCallsInFlight: IN_FLIGHT });
});
afterAll(async () => t.stop());

function connect(): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${t.host.port}${WS_PATH}`, [WS_PROTOCOL, TOKEN_PROTOCOL_PREFIX + launchToken(t.host)], { origin: t.host.origin });
    ws.on('open', () => resolve(ws));
    ws.on('error', reject);
  });
}

function closed(ws: WebSocket): Promise<number> {
  return new Promise((resolve) => {
    if (ws.readyState === ws.CLOSED) return resolve(0);
    ws.on('close', (code) => resolve(code));
    ws.on('error', () => {});
  });
}

/** Sends app.info with the given ids and collects the answers by id. */
function answers(ws: WebSocket, ids: number[]): Promise<Map<number, { ok: boolean; error?: { code: string } }>> {
  const got = new Map<number, { ok: boolean; error?: { code: string } }>();
  return new Promise((resolve) => {
    ws.on('message', (raw) => {
      const message = JSON.parse(raw.toString()) as { id?: number; result?: { ok: boolean; error?: { code: string } } };
      if (message.id === undefined || !message.result) return;
      got.set(message.id, message.result);
      if (got.size === ids.length) resolve(got);
    });
    for (const id of ids) ws.send(JSON.stringify({ id, call: 'app.info', input: {} }));
  });
}

async function stillServes(): Promise<void> {
  const ws = await connect();
  const result = await answers(ws, [1]);
  expect(result.get(1)).toMatchObject({ ok: true });
  ws.close();
}

describe('browser host under a misbehaving client', () => {
  it('a frame of invalid UTF-8 closes that connection only', async () => {
    const bad = await connect();
    const code = closed(bad);
    bad.send(Buffer.from([0xff, 0xfe, 0xfd]), { binary: false });
    expect(await code).toBeGreaterThan(0);
    await stillServes();
  });

  it('a frame over the size limit closes that connection only', async () => {
    const big = await connect();
    const code = closed(big);
    big.send(JSON.stringify({ id: 1, call: 'app.echo', input: { text: 'x'.repeat(MAX_MESSAGE * 2) } }));
    expect(await code).toBe(1009);
    await stillServes();
  });

  it('a file frame over its own limit closes that file connection only', async () => {
    const page = await connectPage(t.host, launchToken(t.host));
    const big = await connectFiles(t.host, page);
    big.ws.send(JSON.stringify({ id: 1, call: 'app.print', input: { jobName: 'Ricevuta', pdfBase64: 'A'.repeat(MAX_FILE_MESSAGE * 2) } }));
    expect(await big.closed).toBe(1009);
    expect(await page.call('app.info')).toMatchObject({ ok: true });
    page.ws.close();
    await stillServes();
  });

  it('a flood of calls on one connection is refused beyond the cap, and another connection is answered meanwhile', async () => {
    const flood = await connect();
    const ids = Array.from({ length: 2_000 }, (_, i) => i + 1);
    const flooded = answers(flood, ids);
    await stillServes();
    const result = await flooded;
    const refused = [...result.values()].filter((r) => r.error?.code === 'troppe-richieste').length;
    const served = [...result.values()].filter((r) => r.ok).length;
    expect(refused).toBeGreaterThan(0);
    expect(served).toBeGreaterThanOrEqual(IN_FLIGHT);
    expect(served + refused).toBe(ids.length);
    flood.close();
  });
});
