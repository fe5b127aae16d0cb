import { statSync } from 'node:fs';
import { resolveInside } from '../core/media/safe-path';

/** The host part of media URLs: `mer-media://media/<path below the media folder>`. */
export const mediaHost = 'media';

export type MediaAnswer = { status: 200; file: string } | { status: 403 | 404 | 405; reason: string };

/**
 * Decides what a `mer-media:` request gets. Paths that try to leave the media folder are refused
 * (403), paths that do not name a file are not found (404); only GET and HEAD are served.
 */
export function resolveMediaRequest(requestUrl: string, method: string, mediaDir: string): MediaAnswer {
  if (method !== 'GET' && method !== 'HEAD') return { status: 405, reason: `method ${method} not allowed` };
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return { status: 403, reason: 'malformed URL' };
  }
  if (url.host !== mediaHost) return { status: 403, reason: `unknown host ${url.host}` };
  const file = resolveInside(mediaDir, url.pathname);
  if (file === null) return { status: 403, reason: 'path outside the media folder' };
  try {
    if (statSync(file).isFile()) return { status: 200, file };
  } catch {
    // Missing: answered below.
  }
  return { status: 404, reason: 'not found' };
}
