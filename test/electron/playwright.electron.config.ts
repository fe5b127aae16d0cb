import path from 'node:path';
import { defineConfig } from '@playwright/test';

/**
 * Electron smoke tests, separate from the browser e2e suite (playwright.config.ts, test/e2e).
 * They need the built app (`npm run build`) and the Electron binary, and a display: on Linux run
 *   xvfb-run -a npx playwright test -c test/electron/playwright.electron.config.ts
 * Without the binary every test is reported as skipped, with the reason.
 */
export default defineConfig({
  testDir: __dirname,
  testMatch: '**/*.spec.ts',
  // One app per worker, one worker: the tests share a window and its main process.
  workers: 1,
  fullyParallel: false,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  forbidOnly: !!process.env['CI'],
  reporter: 'list',
  outputDir: path.resolve(__dirname, '../../test-results/electron'),
  use: { trace: 'retain-on-failure', screenshot: 'only-on-failure' },
});
