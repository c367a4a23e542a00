/**
 * The Electron transport: main's per-call handlers and the preload's bridge.
 *
 * Electron's binary cannot run on our build machines, so this is the one place where
 * the 'electron' module is replaced by an in-memory stand-in: a fake ipcMain /
 * ipcRenderer pair that routes invoke() to the registered handler, as Electron does.
 * Everything behind it (dispatch, contract, core) is the real code.
 */
import { beforeAll, afterAll, describe, expect, it, vi } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

type Handler = (event: unknown, input: unknown) => unknown;
const handlers = new Map<string, Handler>();
const exposed: Record<string, unknown> = {};
const appWebContents = { id: 1, send: vi.fn(), on: vi.fn() };
const appWindow = { webContents: appWebContents, isDestroyed: () => false };
const trustedEvent = { sender: appWebContents, senderFrame: { parent: null, url: 'app://sportello/index.html' } };

vi.mock('electron', () => ({
  app: { on: vi.fn() },
  ipcMain: {
    handle: (channel: string, fn: Handler) => handlers.set(channel, fn),
    removeHandler: (channel: string) => handlers.delete(channel),
  },
  ipcRenderer: {
    invoke: async (channel: string, input: unknown) => {
      const handler = handlers.get(channel);
      if (!handler) throw new Error(`No handler registered for '${channel}'`);
      return handler(trustedEvent, input);
    },
    on: vi.fn(),
  },
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => (exposed[key] = api) },
  protocol: {},
  net: {},
}));

const { registerContract } = await import('../../../electron/main/ipc');
const { createCore } = await import('../../../electron/composition/core');
const { configSchema } = await import('../../../electron/core/config/schema');
const { silentLogger } = await import('../../../electron/core/log/logger');
const { calls } = await import('../../../electron/shared/contract');
const { callChannel } = await import('../../../electron/shared/transport/ipc-channels');

let unregister: () => void;

beforeAll(async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'sportello-ipc-'));
  const core = await createCore({ config: configSchema.parse({ dataDirectory: dataDir }), log: silentLogger, version: 't', dataDir });
  unregister = registerContract(core, () => [appWindow as never]);
  await import('../../../electron/preload/index');
});
afterAll(() => unregister());

describe('Electron IPC', () => {
  it('registers exactly one channel per contract call and nothing generic', () => {
    expect([...handlers.keys()].sort()).toEqual(Object.keys(calls).map(callChannel).sort());
  });

  it('rejects a call whose sender is not the app’s own top frame', async () => {
    const handler = handlers.get(callChannel('app.info'))!;
    const foreignOrigin = { sender: appWebContents, senderFrame: { parent: null, url: 'https://example.org/' } };
    const subFrame = { sender: appWebContents, senderFrame: { parent: {}, url: 'app://sportello/index.html' } };
    const otherContents = { sender: { id: 2 }, senderFrame: { parent: null, url: 'app://sportello/index.html' } };
    for (const event of [foreignOrigin, subFrame, otherContents]) {
      expect(await handler(event, {})).toMatchObject({ ok: false, error: { code: 'mittente-non-autorizzato' } });
    }
    expect(await handler(trustedEvent, {})).toMatchObject({ ok: true });
  });

  it('exposes window.sportello built from the contract, without a generic invoke', () => {
    const api = exposed.sportello as Record<string, unknown>;
    expect(Object.keys(api).sort()).toEqual([...new Set(Object.keys(calls).map((c) => c.split('.')[0]))].concat('on').sort());
    expect(api).not.toHaveProperty('invoke');
  });

  it('rejects input that fails its schema with a clear error, through preload and main', async () => {
    const api = exposed.sportello as { app: { echo(i: unknown): Promise<unknown>; info(i: unknown): Promise<unknown> } };
    expect(await api.app.echo({ text: '' })).toMatchObject({
      ok: false,
      error: { code: 'input-non-valido', message: 'I dati inviati non sono validi.', details: [{ path: 'text' }] },
    });
    expect(await api.app.info({ extra: true })).toMatchObject({ ok: false, error: { code: 'input-non-valido' } });
    expect(await api.app.echo({ text: 'ciao' })).toMatchObject({ ok: true, value: { text: 'ciao' } });
  });
});
