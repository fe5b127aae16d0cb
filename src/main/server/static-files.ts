import { createReadStream, statSync } from 'node:fs';
import path from 'node:path';
import type { ServerResponse } from 'node:http';
import { resolveInside } from '../core/media/safe-path';
import { contentSecurityPolicy, sendText } from './responses';

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.ico': 'image/x-icon',
};

/** Streams a file below `root` named by a URL path; refuses anything that leaves the root. */
export function sendFileInside(res: ServerResponse, root: string, urlPath: string, cacheControl: string): void {
  const file = resolveInside(root, urlPath);
  if (!file) return sendText(res, 403, 'Forbidden path');
  let size: number;
  try {
    const stat = statSync(file);
    if (!stat.isFile()) return sendText(res, 404, 'Not found');
    size = stat.size;
  } catch {
    return sendText(res, 404, 'Not found');
  }
  const ext = path.extname(file).toLowerCase();
  const headers: Record<string, string | number> = {
    'Content-Type': types[ext] ?? 'application/octet-stream',
    'Content-Length': size,
    'Cache-Control': ext === '.html' ? 'no-cache' : cacheControl,
  };
  if (ext === '.html') headers['Content-Security-Policy'] = contentSecurityPolicy;
  res.writeHead(200, headers);
  createReadStream(file)
    .on('error', () => res.destroy())
    .pipe(res);
}
