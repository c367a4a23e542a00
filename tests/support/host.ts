/**
 * Starts the real browser host (same core as Electron main) on 127.0.0.1 with a
 * temporary data directory, for integration and end-to-end tests.
 */
import { mkdtempSync, rmSync, mkdirSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { configSchema, type ConfigInput } from '../../electron/core/config/schema';
import { createLogger } from '../../electron/core/log/logger';
import { createCore, type Core } from '../../electron/composition/core';
import { startBrowserHost, type BrowserHost } from '../../electron/host/server';
import type { CardPortFactory } from '../../electron/core/ports/card';
import type { Clock } from '../../electron/core/ports/clock';
import type { FrameLimits } from '../../electron/host/frame-limit';

export interface TestHost {
  host: BrowserHost;
  core: Core;
  dataDir: string;
  logFile: string;
  stop(): Promise<void>;
}

export const RENDERER_DIR = join(__dirname, '../../out/renderer');

// Keys kept outside the data directories (the audit seal): the tests' own, never the user's.
process.env.SPORTELLO_KEY_DIR ??= join(tmpdir(), 'sportello-test-chiavi');

export interface TestHostOptions {
  rendererDir?: string;
  /** The card readers core sees (default: the machine's PC/SC readers). */
  cardPortFactory?: CardPortFactory;
  /** Limits of the WebSocket (default: the host's own). */
  frameLimits?: Partial<FrameLimits>;
  maxCallsInFlight?: number;
  /** Core's clock (default: the system's). */
  clock?: Clock;
}

/** A new one-time launch token of the host, for a client that connects without a page. */
export function launchToken(host: BrowserHost): string {
  return new URL(host.url).hash.replace(/^#token=/, '');
}

export async function startTestHost(config: ConfigInput = {}, options: TestHostOptions = {}): Promise<TestHost> {
  const dataDir = mkdtempSync(join(tmpdir(), 'sportello-host-'));
  const rendererDir = options.rendererDir ?? RENDERER_DIR;
  if (!existsSync(join(rendererDir, 'index.html'))) {
    // Integration tests of the transport need only some page to serve.
    mkdirSync(rendererDir, { recursive: true });
    writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Sportello</title>');
  }
  const logFile = join(dataDir, 'sportello.log');
  const log = createLogger({ file: logFile, sink: () => {} });
  const parsed = configSchema.parse({ dataDirectory: dataDir, ...config });
  const core = await createCore({
    config: parsed,
    log,
    version: '0.0.0-test',
    dataDir,
    ...(options.cardPortFactory ? { cardPortFactory: options.cardPortFactory } : {}),
    ...(options.clock ? { clock: options.clock } : {}),
  });
  const host = await startBrowserHost({
    core,
    rendererDir,
    log,
    ...(options.frameLimits ? { frameLimits: options.frameLimits } : {}),
    ...(options.maxCallsInFlight ? { maxCallsInFlight: options.maxCallsInFlight } : {}),
  });
  return {
    host,
    core,
    dataDir,
    logFile,
    async stop() {
      await host.close();
      await core.dispose();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
