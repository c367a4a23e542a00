import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts'],
    exclude: ['tests/e2e/**', 'node_modules/**'],
    globalSetup: ['tests/rig/global-setup.ts'],
    setupFiles: ['tests/support/form-logic-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Keys kept outside the data directories (the audit seal): the tests' own, never the user's ~/.sportello-chiavi.
    env: { SPORTELLO_KEY_DIR: process.env.SPORTELLO_KEY_DIR ?? join(tmpdir(), 'sportello-test-chiavi') },
  },
});
