/** Entry of the Electron main process: wires the backend to a window. Adapters only. */
import { app, BrowserWindow, dialog, session } from 'electron';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { createBackend, type Backend } from '../core/backend';
import { appEntry } from './app-entry';
import { installIpcHost } from './ipc-host';
import { registerMediaScheme, serveMedia } from './media-protocol';
import { guardWebContents, secureSession } from './security';
import { isTrustedSender } from './security-policy';
import { createUtilityJobHost } from './utility-job-host';
import { createMainWindow, isAppWindow } from './window';

// Before `ready`, as Electron requires.
registerMediaScheme();

// Tests and portable setups choose the data directory (and with it Chromium's profile and the
// single-instance lock) through the environment.
const dataDirOverride = process.env['MER_DATA_DIR'];
if (dataDirOverride) app.setPath('userData', path.resolve(dataDirOverride));

// better-sqlite3 built for Electron's ABI (npm start prepares it); worker processes inherit it.
const electronVersion = process.versions['electron'];
const electronBinding = electronVersion && path.join(app.getAppPath(), '.electron-native', electronVersion, 'better_sqlite3.node');
if (electronBinding && !process.env['MER_SQLITE_BINDING'] && existsSync(electronBinding)) process.env['MER_SQLITE_BINDING'] = electronBinding;

const entry = appEntry({ rendererUrl: process.env['ELECTRON_RENDERER_URL'], rendererFile: path.join(__dirname, '../renderer/index.html') });
const preload = path.join(__dirname, '../preload/index.cjs');

let backend: Backend | undefined;
let mainWindow: BrowserWindow | undefined;

function openWindow(): void {
  mainWindow = createMainWindow(entry, preload);
  mainWindow.on('closed', () => (mainWindow = undefined));
}

function start(): void {
  try {
    backend = createBackend({
      dataDir: app.getPath('userData'),
      host: 'electron',
      jobHost: createUtilityJobHost({ entry: path.join(__dirname, 'worker.js') }),
    });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    console.error(`[main] the backend could not start: ${message}`);
    dialog.showErrorBox('MER Workstation cannot start', message);
    app.exit(1);
    return;
  }
  secureSession(session.defaultSession, { dev: entry.dev });
  serveMedia(backend.mediaDir);
  installIpcHost({
    backend,
    isTrusted: (event) =>
      isTrustedSender(
        { frameUrl: event.senderFrame?.url ?? null, isMainFrame: event.senderFrame?.parent === null, isAppWindow: isAppWindow(event.sender.id) },
        entry.url,
      ),
  });
  openWindow();
}

/** Quitting waits once for the backend: jobs are told to stop, then the database is closed. */
let closing: Promise<void> | undefined;
let closed = false;
app.on('will-quit', (event) => {
  if (closed || !backend) return;
  event.preventDefault();
  closing ??= backend
    .close()
    .catch((error: unknown) => console.error('[main] closing the backend failed', error))
    .finally(() => {
      closed = true;
      app.quit();
    });
});

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, entry.url));
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (backend && BrowserWindow.getAllWindows().length === 0) openWindow();
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => app.quit());
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      console.error('[main] start failed', error);
      app.exit(1);
    });
}
