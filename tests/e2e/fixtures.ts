/**
 * Playwright fixtures: a real browser host (same core as Electron) per test file,
 * a card reader the test drives (see support/scripted-card.ts), a helper that keeps
 * screenshots as test artifacts in tests/artifacts/screens, and an axe check.
 */
import { test as base, expect, type Page } from '@playwright/test';
import { startTestHost, type TestHost } from '../support/host';
import type { ConfigInput } from '../../electron/core/config/schema';
import { ScriptedCard } from './support/scripted-card';
import { checkAxe, settled, shootScreen } from './support/schermate';

interface TestFixtures {
  app: TestHost;
  card: ScriptedCard;
  shoot: (page: Page, name: string) => Promise<string>;
  /** Fails the test on any WCAG 2.1 AA violation axe finds on the page once it is settled (see settled()). */
  axe: (page: Page, screen: string) => Promise<void>;
}
interface WorkerFixtures {
  appConfig: ConfigInput;
}

export const test = base.extend<TestFixtures, WorkerFixtures>({
  appConfig: [{}, { option: true, scope: 'worker' }],
  // One host (and database) per test, so each test meets the app as a first-time citizen.
  card: async ({}, use) => use(new ScriptedCard()),
  app: async ({ appConfig, card }, use) => {
    const host = await startTestHost(appConfig, { cardPortFactory: card.factory });
    await use(host);
    await host.stop();
  },
  shoot: async ({}, use) => use(shootScreen),
  axe: async ({}, use) => use(checkAxe),
});

export { expect, settled };
