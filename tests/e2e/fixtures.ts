/**
 * Playwright fixtures: a real browser host (same core as Electron) per test file,
 * a card reader the test drives (see support/scripted-card.ts), a helper that keeps
 * screenshots as test artifacts in tests/artifacts/screens, and an axe check.
 */
import { test as base, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { startTestHost, type TestHost } from '../support/host';
import type { ConfigInput } from '../../electron/core/config/schema';
import { ScriptedCard } from './support/scripted-card';

const SCREENS_DIR = join(__dirname, '../artifacts/screens');

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

/**
 * Waits until no transition or animation is running on the page: colours measured
 * half-way through a transition are neither state's colours. The tests emulate reduced
 * motion, for which the app has none; this also covers one a browser starts anyway.
 */
export async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() =>
    // pending is when play() is waiting to start: a transition about to run.
    document.getAnimations().every((a) => a.playState !== 'running' && !a.pending),
  );
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
  shoot: async ({}, use) => {
    mkdirSync(SCREENS_DIR, { recursive: true });
    await use(async (page, name) => {
      const path = join(SCREENS_DIR, `${name}.png`);
      await page.screenshot({ path, fullPage: true });
      return path;
    });
  },
  axe: async ({}, use) => {
    await use(async (page, screen) => {
      await settled(page);
      const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
      const violations = result.violations.map((v) => `${screen}: ${v.id} (${v.impact}) ${v.help} -> ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`);
      expect(violations, `axe on ${screen}`).toEqual([]);
    });
  },
});

export { expect };
