import { BrowserWindow } from 'electron';
import type { AppEntry } from './app-entry';
import { secureWebPreferences } from './web-preferences';

/** The webContents of the windows this app created: the only IPC senders it trusts. */
const appWindows = new Set<number>();

export function isAppWindow(webContentsId: number): boolean {
  return appWindows.has(webContentsId);
}

/** Creates the main window with locked web preferences and loads the app into it. */
export function createMainWindow(entry: AppEntry, preload: string): BrowserWindow {
  const window = new BrowserWindow({
    width: 1440,
    height: 900,
    minWidth: 960,
    minHeight: 600,
    show: false,
    title: 'MER Workstation',
    autoHideMenuBar: true,
    webPreferences: secureWebPreferences(preload),
  });
  const id = window.webContents.id;
  appWindows.add(id);
  window.webContents.once('destroyed', () => appWindows.delete(id));
  window.once('ready-to-show', () => window.show());
  const loaded = entry.kind === 'file' ? window.loadFile(entry.file) : window.loadURL(entry.url);
  loaded.catch((error: unknown) => console.error(`[window] could not load ${entry.url}`, error));
  return window;
}
