/**
 * Electron smoke and security tests: the real shell, preload and backend, driven through
 * Playwright's `_electron`. They run only where the Electron binary exists (`npm run build`
 * first, then under xvfb-run on Linux); elsewhere they are reported as skipped with the reason.
 */
import type { Transport } from '../../src/shared/protocol/transport';
import { expect, skipWithoutElectron, test } from './fixtures';

skipWithoutElectron();

/** The page's globals, typed for code that runs in the page (this file compiles without DOM types). */
interface PageGlobals {
  mer?: Transport;
  require?: unknown;
  process?: unknown;
  location: { href: string };
  open(url: string): unknown;
}

test('the window opens with locked web preferences and shows the app', async ({ mer, window }) => {
  await expect(window).toHaveTitle('MER Workstation');
  await expect(window.locator('#root')).not.toBeEmpty();
  // getLastWebPreferences is real but missing from Electron's public typings.
  const prefs = await mer.app.evaluate(({ BrowserWindow }) => {
    const contents = BrowserWindow.getAllWindows()[0]?.webContents as unknown as { getLastWebPreferences(): unknown } | undefined;
    return contents?.getLastWebPreferences() ?? null;
  });
  expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, webviewTag: false });
});

test('the page gets exactly call, cancel and subscribe, and no Node', async ({ window }) => {
  const page = await window.evaluate(() => {
    const g = globalThis as unknown as PageGlobals;
    return {
      bridge: g.mer ? Object.keys(g.mer) : null,
      require: typeof g.require,
      process: typeof g.process,
    };
  });
  expect(page).toEqual({ bridge: ['call', 'cancel', 'subscribe'], require: 'undefined', process: 'undefined' });
});

test('a call through window.mer answers app.info from the electron host', async ({ mer, window }) => {
  const reply = await window.evaluate(() => (globalThis as unknown as PageGlobals).mer?.call({ type: 'call', id: 'smoke-1', method: 'app.info', args: {} }));
  expect(reply).toMatchObject({ type: 'result', id: 'smoke-1', result: { host: 'electron' } });
  const info = (reply as { result: { dataDir: string } }).result;
  expect(info.dataDir).toBe(mer.dataDir);
});

test('navigation to another origin is blocked', async ({ mer, window }) => {
  const before = window.url();
  // Record, in the main process, what our will-navigate guard decided.
  await mer.app.evaluate(({ BrowserWindow }) => {
    const contents = BrowserWindow.getAllWindows()[0]?.webContents;
    (globalThis as { merNavigation?: Promise<unknown> }).merNavigation = new Promise((resolve) =>
      contents?.once('will-navigate', (event) => resolve({ url: event.url, prevented: event.defaultPrevented })),
    );
  });
  await window.evaluate(() => {
    (globalThis as unknown as PageGlobals).location.href = 'https://example.com/';
  });
  const decision = await mer.app.evaluate(() => (globalThis as { merNavigation?: Promise<unknown> }).merNavigation);
  expect(decision).toEqual({ url: 'https://example.com/', prevented: true });
  expect(window.url()).toBe(before);
  await expect.poll(() => window.evaluate(() => Object.keys((globalThis as unknown as PageGlobals).mer ?? {}).length)).toBe(3);
});

test('window.open is denied', async ({ mer, window }) => {
  const opened = await window.evaluate(() => (globalThis as unknown as PageGlobals).open('https://example.com/'));
  expect(opened).toBeNull();
  expect(await mer.app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
  expect(mer.app.windows()).toHaveLength(1);
});
