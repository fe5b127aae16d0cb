import { realpathSync } from 'node:fs';
import path from 'node:path';

/**
 * Maps a URL path below a media root to a file inside that root, or null when the request tries
 * to leave it: `..` segments in any encoding, absolute paths, backslashes, NUL bytes, drive
 * letters, or a symbolic link that points outside.
 */
export function resolveInside(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  // A second decoding layer is never legitimate for our own URLs; refuse it rather than guess.
  if (/%[0-9a-f]{2}/i.test(decoded)) return null;
  if (decoded.includes('\0') || decoded.includes('\\') || /^[a-z]:/i.test(decoded)) return null;
  const segments = decoded.split('/').filter((s) => s.length > 0);
  if (segments.length === 0 || segments.some((s) => s === '..' || s === '.')) return null;
  const base = path.resolve(root);
  const candidate = path.resolve(base, ...segments);
  if (!candidate.startsWith(base + path.sep)) return null;
  try {
    const real = realpathSync(candidate);
    const realBase = realpathSync(base);
    return real.startsWith(realBase + path.sep) ? real : null;
  } catch {
    // Does not exist: the caller answers 404; nothing outside the root was touched.
    return candidate;
  }
}
