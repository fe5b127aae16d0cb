import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { _electron, test as base, expect, type ElectronApplication, type Page } from '@playwright/test';
import { findElectronBinary } from './electron-binary';

export const repoRoot = path.resolve(__dirname, '../..');
export const electronBinary = findElectronBinary();

export interface RunningApp {
  app: ElectronApplication;
  /** The app's data directory (MER_DATA_DIR), fresh for each worker. */
  dataDir: string;
  /** Everything the main process wrote to stdout and stderr so far. */
  output(): string;
}

/** The environment of the app: ours, without anything that would change how Electron starts. */
function appEnv(dataDir: string): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (value !== undefined && key !== 'ELECTRON_RUN_AS_NODE' && key !== 'ELECTRON_RENDERER_URL') env[key] = value;
  }
  return { ...env, MER_DATA_DIR: dataDir };
}

export const test = base.extend<{ window: Page }, { mer: RunningApp }>({
  mer: [
    // Playwright reads the fixtures a fixture needs from this pattern; this one needs none.
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      if (!electronBinary.path) throw new Error(`Electron binary not installed: ${electronBinary.reason}`);
      const main = path.join(repoRoot, 'out/main/index.js');
      if (!existsSync(main)) throw new Error(`${main} is missing: run "npm run build" first`);
      const dataDir = mkdtempSync(path.join(os.tmpdir(), 'mer-electron-'));
      let log = '';
      const app = await _electron.launch({
        executablePath: electronBinary.path,
        args: [repoRoot],
        cwd: repoRoot,
        env: appEnv(dataDir),
        timeout: 30_000,
      });
      app.process().stdout?.on('data', (chunk: Buffer) => (log += chunk.toString()));
      app.process().stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()));
      try {
        await use({ app, dataDir, output: () => log });
      } finally {
        await app.close();
        rmSync(dataDir, { recursive: true, force: true });
      }
    },
    { scope: 'worker' },
  ],
  window: async ({ mer }, use, testInfo) => {
    const page = await mer.app.firstWindow();
    await page.waitForLoadState('domcontentloaded');
    await use(page);
    if (testInfo.status !== testInfo.expectedStatus) {
      await testInfo.attach('electron output', { body: mer.output(), contentType: 'text/plain' });
    }
  },
});

/** Skips every test of the calling file where the Electron binary is absent, saying why. */
export function skipWithoutElectron(): void {
  test.skip(!electronBinary.path, `Electron binary not installed: ${electronBinary.reason ?? ''}`);
}

export { expect };
