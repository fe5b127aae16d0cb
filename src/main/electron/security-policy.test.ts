import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, isAllowedNavigation, isAppUrl, isTrustedSender, withContentSecurityPolicy } from './security-policy';

const fileApp = 'file:///opt/mer/resources/app/out/renderer/index.html';
const devApp = 'http://localhost:5173/';

describe('isAppUrl / isAllowedNavigation', () => {
  it('accepts the app file itself, with any query or hash', () => {
    expect(isAppUrl(fileApp, fileApp)).toBe(true);
    expect(isAllowedNavigation(`${fileApp}?x=1#/library`, fileApp)).toBe(true);
  });

  it('refuses other files, other schemes and other hosts', () => {
    expect(isAllowedNavigation('file:///etc/passwd', fileApp)).toBe(false);
    expect(isAllowedNavigation('file:///opt/mer/resources/app/out/renderer/other.html', fileApp)).toBe(false);
    expect(isAllowedNavigation('https://example.com/', fileApp)).toBe(false);
    expect(isAllowedNavigation('file://evil-host/opt/mer/resources/app/out/renderer/index.html', fileApp)).toBe(false);
    expect(isAllowedNavigation('mer-media://media/x.png', fileApp)).toBe(false);
    expect(isAllowedNavigation('javascript:alert(1)', fileApp)).toBe(false);
    expect(isAllowedNavigation('not a url', fileApp)).toBe(false);
  });

  it('accepts the dev server origin only', () => {
    expect(isAllowedNavigation('http://localhost:5173/library?x', devApp)).toBe(true);
    expect(isAllowedNavigation('http://localhost:5174/', devApp)).toBe(false);
    expect(isAllowedNavigation('https://localhost:5173/', devApp)).toBe(false);
    expect(isAllowedNavigation('http://localhost.evil.com:5173/', devApp)).toBe(false);
  });

  it('trusts nothing when the app URL is not http(s) or file', () => {
    expect(isAppUrl('data:text/html,hi', 'data:text/html,hi')).toBe(false);
  });
});

describe('isTrustedSender', () => {
  const ok = { frameUrl: `${fileApp}#/jobs`, isMainFrame: true, isAppWindow: true };

  it('trusts the top frame of our window showing our page', () => {
    expect(isTrustedSender(ok, fileApp)).toBe(true);
  });

  it('refuses iframes, foreign windows, foreign pages and destroyed frames', () => {
    expect(isTrustedSender({ ...ok, isMainFrame: false }, fileApp)).toBe(false);
    expect(isTrustedSender({ ...ok, isAppWindow: false }, fileApp)).toBe(false);
    expect(isTrustedSender({ ...ok, frameUrl: 'https://example.com/' }, fileApp)).toBe(false);
    expect(isTrustedSender({ ...ok, frameUrl: null }, fileApp)).toBe(false);
  });
});

describe('contentSecurityPolicy', () => {
  it('is the strict policy in the built app', () => {
    expect(contentSecurityPolicy()).toBe(
      "default-src 'self'; img-src 'self' data: blob: mer-media:; style-src 'self' 'unsafe-inline'; script-src 'self'; connect-src 'self'",
    );
  });

  it('lets the dev server inject its refresh script and socket, nothing more', () => {
    const dev = contentSecurityPolicy({ dev: true });
    expect(dev).toContain("script-src 'self' 'unsafe-inline'");
    expect(dev).toContain('connect-src \'self\' ws://localhost:*');
    expect(dev).not.toContain('unsafe-eval');
  });

  it('replaces any CSP header the response carried, whatever its spelling', () => {
    const headers = withContentSecurityPolicy({ 'content-security-policy': ['default-src *'], 'Content-Type': ['text/html'] }, "default-src 'self'");
    expect(headers).toEqual({ 'Content-Type': ['text/html'], 'Content-Security-Policy': ["default-src 'self'"] });
    expect(withContentSecurityPolicy(undefined, 'x')).toEqual({ 'Content-Security-Policy': ['x'] });
  });
});
