/**
 * A server that answers at once and then drips its body a byte at a time: the portal
 * and issuer clients give up at their deadline, not when the server feels like
 * finishing (axios's own timeout only notices a silent socket).
 */
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpIssuer } from '../../../electron/adapters/issuer/issuing-http';
import { createPortalClient } from '../../../electron/adapters/portal/portal-client';

/** Long enough that a client still reading when it ends was never cut off. */
const DRIP_BYTES = 400;
const DRIP_EVERY_MS = 50;

let server: Server;
let base: string;
const drips: { sent: number; closedEarly: boolean }[] = [];

function drip(res: ServerResponse): void {
  const state = { sent: 0, closedEarly: false };
  drips.push(state);
  res.writeHead(200, { 'content-type': 'application/json' });
  res.write('{"id":"');
  const timer = setInterval(() => {
    if (state.sent >= DRIP_BYTES) {
      clearInterval(timer);
      res.end('"}');
      return;
    }
    res.write('x');
    state.sent++;
  }, DRIP_EVERY_MS);
  res.on('close', () => {
    clearInterval(timer);
    if (state.sent < DRIP_BYTES) state.closedEarly = true;
  });
}

beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.method === 'POST' && req.url?.endsWith('/auth')) {
      req.resume();
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ token: 'token-di-prova-abbastanza-lungo' }));
      return;
    }
    req.resume();
    drip(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe('whole-request deadline', () => {
  it('the portal client gives up on a dripping answer at its deadline, as a transient failure', async () => {
    const client = createPortalClient({
      url: `${base}/comune-di-test`,
      access: { kind: 'account', credentials: () => ({ username: 'kiosk', password: 'x' }) },
      timeoutMs: 1000,
      retry: { attempts: 1, baseMs: 1, maxMs: 1 },
    });
    const before = drips.length;
    await expect(client.getApplication('a1')).rejects.toMatchObject({ kind: 'transient', message: 'stato pratica: il portale non ha risposto in tempo' });
    expect(drips.length).toBe(before + 1);
    await expect.poll(() => drips[before]!.closedEarly).toBe(true);
    expect(drips[before]!.sent).toBeLessThan(DRIP_BYTES);
  });

  it('the issuer client says the release may have happened, without waiting for the drip to end', async () => {
    const issuer = createHttpIssuer({ url: base, credentials: () => ({ username: 'desk', password: 'x' }), timeoutMs: 1000 });
    const before = drips.length;
    await expect(
      issuer.requestRelease({
        codiceFiscale: 'RSSMRA80A01H501U',
        serialeCarta: '6120016461039008',
        operatore: 'op1',
        documento: { tipo: 'carta-identita', numero: 'CA00000AA', rilasciatoDa: 'Comune di Test', scadenza: '2030-01-01' },
        canale: { tipo: 'email', destinazione: 'mario@example.it' },
      } as never),
    ).rejects.toMatchObject({ code: 'emittente-esito-incerto' });
    await expect.poll(() => drips[before]?.closedEarly).toBe(true);
    expect(drips[before]!.sent).toBeLessThan(DRIP_BYTES);
  });
});
