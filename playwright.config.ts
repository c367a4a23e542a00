import { defineConfig } from '@playwright/test';

/**
 * End-to-end tests run in Debian's Chromium (/usr/bin/chromium), never a
 * downloaded browser, against the real browser host on 127.0.0.1.
 */
export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.spec.ts',
  outputDir: 'test-results',
  timeout: 60_000,
  workers: 1,
  // pcscd for the run, refused when another test run holds the virtual readers; stopped at the end.
  globalSetup: './tests/rig/playwright-global-setup.ts',
  retries: 0,
  // test-results/ is emptied by Playwright at start; the JSON report goes where the vitest ones are.
  reporter: [['list'], ['json', { outputFile: 'test-reports/e2e.json' }]],
  use: {
    locale: 'it-IT',
    viewport: { width: 1280, height: 900 },
    // The app drops every transition and animation for reduced motion (renderer/src/styles/app.css):
    // each state is drawn at once, so what axe and screenshots see is the state itself.
    reducedMotion: 'reduce',
    launchOptions: {
      executablePath: process.env.SPORTELLO_CHROMIUM ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-dev-shm-usage',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--disable-quic',
        '--no-first-run',
      ],
    },
    screenshot: 'only-on-failure',
  },
});
