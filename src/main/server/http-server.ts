import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import type { Backend } from '../core/backend';
import { handleApi, defaultMaxBodyBytes } from './api-route';
import { authenticate, sessionCookie } from './auth';
import { createEventsSocket } from './events-socket';
import { sendError, sendText, setSecurityHeaders } from './responses';
import { sendFileInside } from './static-files';

export interface ServerOptions {
  backend: Backend;
  token: string;
  host: string;
  port: number;
  /** The built renderer (out/renderer). */
  staticDir: string;
  maxBodyBytes?: number;
}

export interface RunningServer {
  server: Server;
  port: number;
  url: string;
  close(): Promise<void>;
}

/** A method name from the URL; a malformed encoding stays as sent and fails as an unknown method. */
function methodName(encoded: string): string {
  try {
    return decodeURIComponent(encoded);
  } catch {
    return encoded;
  }
}

function sameOrigin(req: IncomingMessage): boolean {
  const origin = req.headers.origin;
  if (!origin) return true; // not a browser, or a same-origin navigation
  try {
    return new URL(origin).host === req.headers.host;
  } catch {
    return false;
  }
}

/** The headless host: the API, events, media and the renderer, all behind the connection token. */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const { backend, token } = options;
  const maxBodyBytes = options.maxBodyBytes ?? defaultMaxBodyBytes;
  const events = createEventsSocket(backend);
  let port = options.port;

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    setSecurityHeaders(res);
    const url = new URL(req.url ?? '/', 'http://localhost');
    const source = authenticate(req, url, token, port);
    const isApi = url.pathname.startsWith('/api/');
    if (!source || !sameOrigin(req)) {
      if (isApi) return sendError(res, 'unauthorized', 'UNAUTHORIZED', 'A valid connection token is required');
      return sendText(res, 401, 'A valid connection token is required: open the URL the server printed.');
    }
    // The printed URL carries the token once; the browser keeps it as an HttpOnly cookie.
    if (source === 'query') res.setHeader('Set-Cookie', sessionCookie(token, port));
    if (isApi) return handleApi(req, res, methodName(url.pathname.slice('/api/'.length)), backend, maxBodyBytes);
    if (req.method !== 'GET' && req.method !== 'HEAD') return sendText(res, 405, 'Method not allowed');
    if (url.pathname.startsWith('/media/')) {
      return sendFileInside(res, backend.mediaDir, url.pathname.slice('/media/'.length), 'private, max-age=3600');
    }
    const pathname = url.pathname === '/' ? '/index.html' : url.pathname;
    return sendFileInside(res, options.staticDir, pathname.slice(1), 'private, max-age=31536000, immutable');
  }

  const server = createServer((req, res) => {
    route(req, res).catch((error: unknown) => {
      console.error('[server] request failed', error);
      if (!res.headersSent) sendText(res, 500, 'Internal error');
      else res.destroy();
    });
  });
  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname !== '/events' || !authenticate(req, url, token, port) || !sameOrigin(req)) {
      socket.end('HTTP/1.1 401 Unauthorized\r\nConnection: close\r\n\r\n');
      return;
    }
    events.upgrade(req, socket, head);
  });
  server.on('clientError', (_error, socket) => socket.destroy());

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  const shownHost = options.host.includes(':') ? `[${options.host}]` : options.host;
  return {
    server,
    port,
    url: `http://${shownHost}:${port}/?token=${token}`,
    close: () =>
      new Promise<void>((resolve) => {
        events.close();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
