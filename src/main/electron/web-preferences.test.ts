import { describe, expect, it } from 'vitest';
import { appEntry } from './app-entry';
import { secureWebPreferences } from './web-preferences';

describe('secureWebPreferences', () => {
  it('locks the renderer down', () => {
    const prefs = secureWebPreferences('/app/out/preload/index.cjs');
    expect(prefs).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
    });
  });
});

describe('appEntry', () => {
  it('loads the built file by default', () => {
    const entry = appEntry({ rendererFile: '/app/out/renderer/index.html' });
    expect(entry).toEqual({ kind: 'file', file: '/app/out/renderer/index.html', url: 'file:///app/out/renderer/index.html', dev: false });
  });

  it('loads the dev server when electron-vite dev says so', () => {
    expect(appEntry({ rendererUrl: 'http://localhost:5173', rendererFile: '/x' })).toEqual({ kind: 'url', url: 'http://localhost:5173/', dev: true });
  });

  it('refuses a dev URL that is not http(s)', () => {
    expect(() => appEntry({ rendererUrl: 'file:///etc/passwd', rendererFile: '/x' })).toThrow(/http/);
  });
});
