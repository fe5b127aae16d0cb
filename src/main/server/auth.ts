import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export function newToken(): string {
  return randomBytes(24).toString('base64url');
}

const digest = (s: string) => createHash('sha256').update(s).digest();

/** Constant-time comparison (hashing first makes the lengths equal). */
export function tokenMatches(expected: string, given: string | undefined): boolean {
  if (given === undefined) return false;
  return timingSafeEqual(digest(expected), digest(given));
}

/** Cookies are not port-specific, so the name carries the port: two servers must not share one. */
export function cookieName(port: number): string {
  return `mer_token_${port}`;
}

function cookie(req: IncomingMessage, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return value.join('=');
  }
  return undefined;
}

export type TokenSource = 'header' | 'cookie' | 'query' | null;

/** Where a request's valid token came from, or null. The query form is for the printed URL. */
export function authenticate(req: IncomingMessage, url: URL, token: string, port: number): TokenSource {
  const header = req.headers.authorization;
  if (header?.startsWith('Bearer ') && tokenMatches(token, header.slice(7).trim())) return 'header';
  if (tokenMatches(token, cookie(req, cookieName(port)))) return 'cookie';
  const query = url.searchParams.get('token');
  if (query !== null && tokenMatches(token, query)) return 'query';
  return null;
}

export function sessionCookie(token: string, port: number): string {
  return `${cookieName(port)}=${token}; HttpOnly; SameSite=Strict; Path=/`;
}
