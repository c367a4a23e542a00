/**
 * Playwright fixtures: a real browser host (same core as Electron) per test file,
 * and a helper that keeps screenshots as test artifacts in tests/artifacts/screens.
 */
import { test as base, expect, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { startTestHost, type TestHost } from '../support/host';
import type { ConfigInput } from '../../electron/core/config/schema';

export const SCREENS_DIR = join(__dirname, '../artifacts/screens');

export const test = base.extend<{ shoot: (page: Page, name: string) => Promise<string> }, { app: TestHost; appConfig: ConfigInput }>({
  appConfig: [{}, { option: true, scope: 'worker' }],
  app: [
    async ({ appConfig }, use) => {
      const host = await startTestHost(appConfig);
      await use(host);
      await host.stop();
    },
    { scope: 'worker' },
  ],
  shoot: async ({}, use) => {
    mkdirSync(SCREENS_DIR, { recursive: true });
    await use(async (page, name) => {
      const path = join(SCREENS_DIR, `${name}.png`);
      await page.screenshot({ path, fullPage: true });
      return path;
    });
  },
});

export { expect };
