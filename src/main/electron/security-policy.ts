/**
 * The security decisions of the Electron shell as pure functions, so they are unit-tested
 * without Electron: which URL is the app, where a window may navigate, which IPC sender is
 * trusted, and the content security policy of app pages.
 */

/** The custom scheme that serves frames and other media from the data directory. */
export const mediaScheme = 'mer-media';

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/**
 * Whether `url` is a page of the app loaded from `appUrl`: the same file (any query or hash),
 * or, for the dev server, the same origin.
 */
export function isAppUrl(url: string, appUrl: string): boolean {
  const target = parse(url);
  const app = parse(appUrl);
  if (!target || !app) return false;
  if (app.protocol === 'file:') return target.protocol === 'file:' && target.host === app.host && target.pathname === app.pathname;
  if (app.protocol !== 'http:' && app.protocol !== 'https:') return false;
  return target.origin === app.origin;
}

/** `will-navigate` / `will-redirect`: only to the app itself (a reload); never anywhere else. */
export function isAllowedNavigation(url: string, appUrl: string): boolean {
  return isAppUrl(url, appUrl);
}

export interface SenderFacts {
  /** The URL of the frame that sent the message; null when the frame is gone. */
  frameUrl: string | null;
  /** The frame is the top frame of its page, not an iframe. */
  isMainFrame: boolean;
  /** The webContents belongs to a window this app created. */
  isAppWindow: boolean;
}

/** An IPC message is accepted only from the top frame of our own window showing our own page. */
export function isTrustedSender(sender: SenderFacts, appUrl: string): boolean {
  return sender.isAppWindow && sender.isMainFrame && sender.frameUrl !== null && isAppUrl(sender.frameUrl, appUrl);
}

/**
 * The CSP sent with app pages. The dev server (Vite) needs inline scripts for React refresh and a
 * WebSocket for hot reload; the built app gets neither.
 */
export function contentSecurityPolicy(options: { dev?: boolean } = {}): string {
  const script = options.dev ? "script-src 'self' 'unsafe-inline'" : "script-src 'self'";
  const connect = options.dev ? "connect-src 'self' ws://localhost:* ws://127.0.0.1:*" : "connect-src 'self'";
  return [
    "default-src 'self'",
    `img-src 'self' data: blob: ${mediaScheme}:`,
    "style-src 'self' 'unsafe-inline'",
    script,
    connect,
  ].join('; ');
}

/**
 * Adds the CSP to a response's headers, replacing any the response carried (header names are
 * case-insensitive, so every spelling is removed first).
 */
export function withContentSecurityPolicy(headers: Record<string, string[]> | undefined, policy: string): Record<string, string[]> {
  const result: Record<string, string[]> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (name.toLowerCase() !== 'content-security-policy') result[name] = value;
  }
  result['Content-Security-Policy'] = [policy];
  return result;
}
