/**
 * The Electron entry, wired to a fake `electron` module and a real backend on a temporary data
 * directory: start order, the window, the IPC chain with its sender check, the media protocol,
 * the guards on every webContents, and a quit that waits for the backend.
 */
import { EventEmitter } from 'node:events';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { ipcChannels } from '../../shared/protocol/transport';

type Fn = (...args: never[]) => unknown;
const calls: string[] = [];
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'mer-electron-main-'));

let resolveReady: () => void = () => undefined;
const ready = new Promise<void>((resolve) => (resolveReady = resolve));
class FakeApp extends EventEmitter {
  paths = new Map<string, string>();
  setPath = vi.fn((name: string, value: string) => {
    calls.push(`setPath ${name}`);
    this.paths.set(name, value);
  });
  getPath = (name: string) => this.paths.get(name) ?? `/default/${name}`;
  getAppPath = () => process.cwd();
  requestSingleInstanceLock = vi.fn(() => {
    calls.push('requestSingleInstanceLock');
    return true;
  });
  whenReady = () => ready;
  quit = vi.fn(() => calls.push('quit'));
  exit = vi.fn();
}
const app = new FakeApp();

class FakeWebContents extends EventEmitter {
  static nextId = 1;
  id = FakeWebContents.nextId++;
  openHandler: Fn | undefined;
  setWindowOpenHandler(handler: Fn) {
    this.openHandler = handler;
  }
  isDestroyed = () => false;
  send = vi.fn();
}
const windows: FakeBrowserWindow[] = [];
class FakeBrowserWindow extends EventEmitter {
  static getAllWindows = () => windows;
  webContents = new FakeWebContents();
  loaded: string | undefined;
  constructor(readonly options: { webPreferences: Record<string, unknown> }) {
    super();
    windows.push(this);
  }
  loadFile = (file: string) => {
    this.loaded = file;
    return Promise.resolve();
  };
  loadURL = (url: string) => {
    this.loaded = url;
    return Promise.resolve();
  };
  show = vi.fn();
  isMinimized = () => false;
  restore = vi.fn();
  focus = vi.fn();
}

const ipcHandlers = new Map<string, Fn>();
const ipcListeners = new EventEmitter();
const protocolHandlers = new Map<string, (request: Request) => Promise<Response>>();
const fakeElectron = {
  app,
  BrowserWindow: FakeBrowserWindow,
  dialog: { showErrorBox: vi.fn() },
  session: {
    defaultSession: {
      setPermissionRequestHandler: vi.fn(),
      setPermissionCheckHandler: vi.fn(),
      setDevicePermissionHandler: vi.fn(),
      webRequest: { onHeadersReceived: vi.fn() },
    },
  },
  protocol: {
    registerSchemesAsPrivileged: vi.fn(() => calls.push('registerSchemesAsPrivileged')),
    handle: (scheme: string, handler: (request: Request) => Promise<Response>) => protocolHandlers.set(scheme, handler),
  },
  net: { fetch: vi.fn(async (url: string) => new Response(`contents of ${url}`, { status: 200 })) },
  ipcMain: {
    handle: (channel: string, handler: Fn) => ipcHandlers.set(channel, handler),
    on: (channel: string, listener: (...args: unknown[]) => void) => ipcListeners.on(channel, listener),
    removeHandler: (channel: string) => ipcHandlers.delete(channel),
    removeAllListeners: (channel: string) => ipcListeners.removeAllListeners(channel),
  },
  utilityProcess: { fork: vi.fn() },
};
vi.mock('electron', () => fakeElectron);

const signalListeners = { SIGINT: process.listeners('SIGINT'), SIGTERM: process.listeners('SIGTERM') };
const savedDataDir = process.env['MER_DATA_DIR'];
const savedRendererUrl = process.env['ELECTRON_RENDERER_URL'];
process.env['MER_DATA_DIR'] = dataDir;
delete process.env['ELECTRON_RENDERER_URL'];
await import('./main');

afterAll(() => {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    for (const listener of process.listeners(signal)) if (!signalListeners[signal].includes(listener)) process.off(signal, listener);
  }
  if (savedDataDir === undefined) delete process.env['MER_DATA_DIR'];
  else process.env['MER_DATA_DIR'] = savedDataDir;
  if (savedRendererUrl !== undefined) process.env['ELECTRON_RENDERER_URL'] = savedRendererUrl;
  rmSync(dataDir, { recursive: true, force: true });
});

const rendererUrl = pathToFileURL(path.join(__dirname, '../renderer/index.html')).toString();

describe('the Electron entry', () => {
  it('before ready: registers the media scheme, then takes the data dir, then the single-instance lock', () => {
    expect(calls).toEqual(['registerSchemesAsPrivileged', 'setPath userData', 'requestSingleInstanceLock']);
    expect(app.setPath).toHaveBeenCalledWith('userData', dataDir);
    expect(fakeElectron.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      { scheme: 'mer-media', privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } },
    ]);
    expect(windows).toEqual([]);
  });

  it('on ready: secures the session and opens one locked window on the built renderer', async () => {
    resolveReady();
    await vi.waitFor(() => expect(windows).toHaveLength(1));
    const [window] = windows;
    expect(window?.options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true });
    expect(String(window?.options.webPreferences['preload'])).toMatch(/preload[/\\]index\.cjs$/);
    expect(window?.loaded).toBe(path.join(__dirname, '../renderer/index.html'));
    const session = fakeElectron.session.defaultSession;
    expect(session.setPermissionRequestHandler).toHaveBeenCalled();
    expect(session.setPermissionCheckHandler).toHaveBeenCalled();
    expect(session.webRequest.onHeadersReceived).toHaveBeenCalled();
    expect(protocolHandlers.has('mer-media')).toBe(true);
  });

  it('answers a call from the window through the real backend', async () => {
    const contents = windows[0]!.webContents;
    const event = { sender: contents, senderFrame: { url: rendererUrl, parent: null } };
    const reply = await ipcHandlers.get(ipcChannels.call)!(event as never, { type: 'call', id: 'c1', method: 'app.info', args: {} } as never);
    expect(reply).toMatchObject({ type: 'result', id: 'c1', result: { host: 'electron', dataDir } });
  });

  it('refuses calls from a foreign page, an iframe or another webContents', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const contents = windows[0]!.webContents;
    const message = { type: 'call', id: 'c2', method: 'app.info', args: {} };
    const call = ipcHandlers.get(ipcChannels.call)!;
    await expect(call({ sender: contents, senderFrame: { url: 'https://example.com/', parent: null } } as never, message as never)).rejects.toThrow(/untrusted/);
    await expect(call({ sender: contents, senderFrame: { url: rendererUrl, parent: {} } } as never, message as never)).rejects.toThrow(/untrusted/);
    await expect(call({ sender: new FakeWebContents(), senderFrame: { url: rendererUrl, parent: null } } as never, message as never)).rejects.toThrow(/untrusted/);
    await expect(call({ sender: contents, senderFrame: null } as never, message as never)).rejects.toThrow(/untrusted/);
    warn.mockRestore();
  });

  it('serves media from the data directory only', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    mkdirSync(path.join(dataDir, 'media'), { recursive: true });
    writeFileSync(path.join(dataDir, 'media', 'a.png'), 'png');
    const handle = protocolHandlers.get('mer-media')!;
    const ok = await handle(new Request('mer-media://media/a.png'));
    expect(ok.status).toBe(200);
    expect(fakeElectron.net.fetch).toHaveBeenCalledWith(pathToFileURL(path.join(dataDir, 'media', 'a.png')).toString(), {});
    expect((await handle(new Request('mer-media://media/missing.png'))).status).toBe(404);
    expect((await handle(new Request('mer-media://media/..%2fworkstation.sqlite'))).status).toBe(403);
    warn.mockRestore();
  });

  it('guards every webContents: no navigation away, no window.open, no webview', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const contents = new FakeWebContents();
    app.emit('web-contents-created', {}, contents);
    const away = { url: 'https://example.com/', preventDefault: vi.fn() };
    contents.emit('will-navigate', away);
    expect(away.preventDefault).toHaveBeenCalled();
    const reload = { url: rendererUrl, preventDefault: vi.fn() };
    contents.emit('will-navigate', reload);
    expect(reload.preventDefault).not.toHaveBeenCalled();
    expect(contents.openHandler?.({ url: 'https://example.com/' } as never)).toEqual({ action: 'deny' });
    const webview = { preventDefault: vi.fn() };
    contents.emit('will-attach-webview', webview);
    expect(webview.preventDefault).toHaveBeenCalled();
    warn.mockRestore();
  });

  it('on quit: waits for the backend to close once, then quits for real', async () => {
    const first = { preventDefault: vi.fn() };
    app.emit('will-quit', first);
    expect(first.preventDefault).toHaveBeenCalled();
    const again = { preventDefault: vi.fn() };
    app.emit('will-quit', again);
    expect(again.preventDefault).toHaveBeenCalled();
    await vi.waitFor(() => expect(app.quit).toHaveBeenCalled());
    // The data directory's lock is released: the backend has closed.
    expect(existsSync(path.join(dataDir, 'workstation.lock'))).toBe(false);
    const last = { preventDefault: vi.fn() };
    app.emit('will-quit', last);
    expect(last.preventDefault).not.toHaveBeenCalled();
  });
});
