/**
 * A page that reloads itself for the next citizen gets a new token from the browser host,
 * and the token it used dies with every other page still connected with it (a window the
 * previous citizen's page might have opened).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchToken, startTestHost, type TestHost } from '../../support/host';
import { ScriptedCard } from '../../e2e/support/scripted-card';
import { FRESH_PAGE_CALL, SESSION_EVENT } from '../../../electron/shared/transport/ws-wire';
import { connectPage, type PageClient } from './page-client';

let t: TestHost;
const rendererDir = mkdtempSync(join(tmpdir(), 'sportello-renderer-'));
writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Sportello</title>');

beforeAll(async () => {
  t = await startTestHost({}, { rendererDir, cardPortFactory: new ScriptedCard().factory });
});
afterAll(async () => t.stop());

const connect = (token: string): Promise<PageClient> => connectPage(t.host, token);

describe('a fresh page for each citizen', () => {
  it('gives a new token, revokes the page token it replaces and disconnects the pages that share it', async () => {
    const launch = launchToken(t.host);
    const first = await connect(launch);
    await expect.poll(() => first.received.length).toBeGreaterThan(0);
    const session = (first.received[0] as { event: string; payload: { token: string } }).payload.token;
    expect((first.received[0] as { event: string }).event).toBe(SESSION_EVENT);
    const answer = await first.call(FRESH_PAGE_CALL);
    expect(answer.ok).toBe(true);
    const pageToken = (answer.value as { token: string }).token;
    expect(pageToken).toMatch(/^[0-9a-f]{48}$/);
    expect([launch, session]).not.toContain(pageToken);
    // The session key the launch gave this page dies with the renewal, like any page token.
    await expect(connect(session)).rejects.toThrow('HTTP 401');

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
});
