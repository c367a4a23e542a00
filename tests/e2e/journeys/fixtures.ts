/**
 * Fixtures of the citizen's journeys: a page with the app of a fresh rig (see
 * tests/support/journey-rig.ts), and screenshots kept in tests/artifacts/screens as
 * journey-<name>.png. Each journey configures its rig with `test.use({ rigOptions: {...} })`.
 */
import { test as base, expect, type Page, type TestInfo } from '@playwright/test';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startJourneyRig, type JourneyRig, type JourneyRigOptions } from '../../support/journey-rig';
import { SCREENS_DIR } from '../support/schermate';

interface JourneyFixtures {
  rigOptions: JourneyRigOptions;
  rig: JourneyRig;
  /** Opens the app and waits for it to be connected to core. */
  app: Page;
  shoot(name: string): Promise<void>;
}

async function attachAppLog(rig: JourneyRig, testInfo: TestInfo): Promise<void> {
  if (!existsSync(rig.app.logFile)) return;
  const log = readFileSync(rig.app.logFile, 'utf8');
  await testInfo.attach('sportello.log', { body: log, contentType: 'text/plain' });
  console.error(`--- registro dell'app (ultime righe) per "${testInfo.title}" ---\n${log.split('\n').slice(-60).join('\n')}`);
}

export const test = base.extend<JourneyFixtures>({
  rigOptions: [{ mode: 'kiosk' }, { option: true }],
  rig: async ({ rigOptions }, use, testInfo) => {
    const rig = await startJourneyRig(rigOptions);
    await use(rig);
    // A failed journey carries the app's log: what the sync and the card did is in there, and nowhere else once the rig is gone.
    if (testInfo.status !== testInfo.expectedStatus) await attachAppLog(rig, testInfo);
    await rig.stop();
  },
  app: async ({ page, rig }, use) => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(rig.url);
    await expect(page.getByTestId('attract-istruzione').or(page.getByRole('heading', { name: 'Inserisci il PIN' }))).toBeVisible();
    await use(page);
    expect(errors, 'errori JavaScript nella pagina').toEqual([]);
  },
  shoot: async ({ page }, use, testInfo) => {
    mkdirSync(SCREENS_DIR, { recursive: true });
    await use(async (name) => {
      const path = join(SCREENS_DIR, `journey-${name}.png`);
      await page.screenshot({ path, fullPage: true });
      await testInfo.attach(name, { path, contentType: 'image/png' });
    });
  },
});

export { expect };
