import type { ServerResponse } from 'node:http';
import type { ErrorCode } from '../../shared/api/errors';
import type { ReplyMessage } from '../../shared/protocol/envelope';

export const contentSecurityPolicy =
  "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; script-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'";

/** Sent with every response: no sniffing, no framing, no referrer (URLs may carry the token). */
export function setSecurityHeaders(res: ServerResponse): void {
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
}

const statusOf: Record<ErrorCode, number> = {
  VALIDATION: 400,
  UNKNOWN_METHOD: 404,
  NOT_FOUND: 404,
  CONFLICT: 409,
  CANCELLED: 499,
  UNAUTHORIZED: 401,
  TOO_LARGE: 413,
  UNAVAILABLE: 503,
  INTERNAL: 500,
};

export function sendReply(res: ServerResponse, reply: ReplyMessage): void {
  const status = reply.type === 'result' ? 200 : statusOf[reply.error.code];
  const body = JSON.stringify(reply);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(body);
}

export function sendError(res: ServerResponse, id: string, code: ErrorCode, message: string): void {
  sendReply(res, { type: 'error', id, error: { code, message } });
}

export function sendText(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' });
  res.end(text);
}
