import path from 'node:path';
import { pathToFileURL } from 'node:url';

/** Where the window's page comes from: the built file, or the dev server in `electron-vite dev`. */
export type AppEntry = { kind: 'file'; file: string; url: string; dev: false } | { kind: 'url'; url: string; dev: true };

export function appEntry(options: { rendererUrl?: string | undefined; rendererFile: string }): AppEntry {
  if (options.rendererUrl) {
    const url = new URL(options.rendererUrl);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(`ELECTRON_RENDERER_URL must be http(s), not ${url.protocol}`);
    return { kind: 'url', url: url.toString(), dev: true };
  }
  const file = path.resolve(options.rendererFile);
  return { kind: 'file', file, url: pathToFileURL(file).toString(), dev: false };
}
