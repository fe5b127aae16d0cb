import type { Session, WebContents } from 'electron';
import { contentSecurityPolicy, isAllowedNavigation, withContentSecurityPolicy } from './security-policy';

/**
 * Guards every webContents the app ever creates (call from `app.on('web-contents-created')`):
 * no navigation away from the app, no new windows, no webviews.
 */
export function guardWebContents(contents: WebContents, appUrl: string): void {
  const refuseNavigation = (event: { preventDefault(): void }, url: string, what: string): void => {
    if (isAllowedNavigation(url, appUrl)) return;
    event.preventDefault();
    console.warn(`[security] ${what} to ${url} denied`);
  };
  contents.on('will-navigate', (event) => refuseNavigation(event, event.url, 'navigation'));
  contents.on('will-redirect', (event) => refuseNavigation(event, event.url, 'redirect'));
  contents.setWindowOpenHandler(({ url }) => {
    console.warn(`[security] window.open of ${url} denied`);
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    console.warn('[security] webview denied');
  });
}

/** Session-wide rules: every permission denied, and the CSP on every page and frame we load. */
export function secureSession(session: Session, options: { dev: boolean }): void {
  session.setPermissionRequestHandler((_contents, permission, callback) => {
    console.warn(`[security] permission ${permission} denied`);
    callback(false);
  });
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  const policy = contentSecurityPolicy(options);
  session.webRequest.onHeadersReceived((details, callback) => {
    const isDocument = details.resourceType === 'mainFrame' || details.resourceType === 'subFrame';
    if (!isDocument) return callback({});
    callback({ responseHeaders: withContentSecurityPolicy(details.responseHeaders, policy) });
  });
}
