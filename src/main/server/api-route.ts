import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Backend } from '../core/backend';
import { sendError, sendReply } from './responses';

export const defaultMaxBodyBytes = 1024 * 1024;

class BodyTooLarge extends Error {}

function readBody(req: IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > limit) return reject(new BodyTooLarge());
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.removeAllListeners('data');
        req.resume();
        reject(new BodyTooLarge());
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function callIdOf(req: IncomingMessage): string {
  const header = req.headers['x-call-id'];
  return typeof header === 'string' && header.length > 0 && header.length <= 100 ? header : randomUUID();
}

/**
 * `POST /api/:method` with the JSON arguments as body. The call is cancelled when the client
 * goes away before the answer (an aborted fetch closes the connection).
 */
export async function handleApi(req: IncomingMessage, res: ServerResponse, method: string, backend: Backend, maxBodyBytes: number): Promise<void> {
  const id = callIdOf(req);
  if (req.method !== 'POST') {
    res.setHeader('Allow', 'POST');
    return sendError(res, id, 'VALIDATION', 'API calls must use POST');
  }
  // A JSON content type forces a CORS preflight, which we never grant: no cross-site calls.
  if (!/^application\/json\b/i.test(req.headers['content-type'] ?? '')) {
    return sendError(res, id, 'VALIDATION', 'API calls must send Content-Type: application/json');
  }
  let args: unknown;
  try {
    const body = await readBody(req, maxBodyBytes);
    args = body.trim() === '' ? {} : (JSON.parse(body) as unknown);
  } catch (error) {
    if (error instanceof BodyTooLarge) {
      res.setHeader('Connection', 'close');
      return sendError(res, id, 'TOO_LARGE', `The request body is larger than ${maxBodyBytes} bytes`);
    }
    return sendError(res, id, 'VALIDATION', 'The request body is not valid JSON');
  }
  const controller = new AbortController();
  res.on('close', () => {
    if (!res.writableFinished) controller.abort();
  });
  const reply = await backend.reply({ type: 'call', id, method, args }, controller.signal);
  if (!res.destroyed) sendReply(res, reply);
}
