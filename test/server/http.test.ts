import http from 'node:http';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestBackend } from '../helpers/backend';
import { serve, testToken } from '../helpers/transports';
import type { RunningServer } from '../../src/main/server/http-server';

let backend: ReturnType<typeof createTestBackend>;
let server: RunningServer;
let base: string;

beforeAll(async () => {
  backend = createTestBackend();
  server = await serve(backend, { maxBodyBytes: 64 * 1024 });
  base = `http://127.0.0.1:${server.port}`;
  mkdirSync(path.join(backend.mediaDir, 'rec1'), { recursive: true });
  writeFileSync(path.join(backend.mediaDir, 'rec1', '000001.jpg'), 'frame-bytes');
  writeFileSync(path.join(backend.dataDir, 'secret.txt'), 'TOP-SECRET');
});
afterAll(async () => {
  await server.close();
  await backend.dispose();
});

const auth = { authorization: `Bearer ${testToken}` };
const json = { 'content-type': 'application/json' };

/** A raw request: fetch would normalise `..` and percent-encodings away before sending. */
function raw(rawPath: string, headers: Record<string, string> = auth): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: server.port, path: rawPath, headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('token', () => {
  test('every route answers 401 without the token', async () => {
    expect((await fetch(`${base}/api/app.info`, { method: 'POST', headers: json, body: '{}' })).status).toBe(401);
    expect((await raw('/', {})).status).toBe(401);
    expect((await raw('/media/rec1/000001.jpg', {})).status).toBe(401);
    expect((await fetch(`${base}/api/app.info`, { method: 'POST', headers: { ...json, authorization: 'Bearer wrong-token-0000000000' }, body: '{}' })).status).toBe(401);
    const refused = await new Promise<string>((resolve) => {
      const ws = new WebSocket(`ws://127.0.0.1:${server.port}/events`);
      ws.on('open', () => resolve('opened'));
      ws.on('error', (e) => resolve(e.message));
    });
    expect(refused).toMatch(/401/);
  });

  test('the bearer token, the printed URL and then its cookie are accepted', async () => {
    const res = await fetch(`${base}/api/app.info`, { method: 'POST', headers: { ...json, ...auth }, body: '{}' });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ type: 'result', result: { host: 'memory' } });

    const page = await fetch(server.url);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<div id="root">');
    expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
    const cookie = page.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    const withCookie = await fetch(`${base}/api/projects.list`, { method: 'POST', headers: { ...json, cookie: cookie.split(';')[0] ?? '' }, body: '{}' });
    expect(withCookie.status).toBe(200);
  });

  test('a call from another origin is refused even with the cookie', async () => {
    const page = await fetch(server.url);
    const cookie = (page.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const res = await fetch(`${base}/api/projects.list`, { method: 'POST', headers: { ...json, cookie, origin: 'http://evil.example' }, body: '{}' });
    expect(res.status).toBe(401);
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('media', () => {
  test('serves a frame by its path', async () => {
    const res = await raw('/media/rec1/000001.jpg');
    expect(res).toEqual({ status: 200, body: 'frame-bytes' });
  });

  test.each([
    '/media/../secret.txt',
    '/media/rec1/../../secret.txt',
    '/media/..%2fsecret.txt',
    '/media/..%2Fsecret.txt',
    '/media/%2e%2e/secret.txt',
    '/media/%2E%2E%2Fsecret.txt',
    '/media/rec1/%2e%2e%2f%2e%2e%2fsecret.txt',
    '/media/%252e%252e%252fsecret.txt',
    '/media/..%5csecret.txt',
    '/media/..\\secret.txt',
    '/media/%2fetc%2fpasswd',
    '/media//etc/passwd',
    '/media/rec1/000001.jpg%00.png',
    '/media/%c0%ae%c0%ae/secret.txt',
    '/media/C:%5cWindows%5cwin.ini',
  ])('refuses traversal: %s', async (attempt) => {
    const res = await raw(attempt);
    expect([400, 403, 404]).toContain(res.status);
    expect(res.body).not.toContain('TOP-SECRET');
    expect(res.body).not.toContain('root:');
  });

  test('a missing frame is 404', async () => {
    expect((await raw('/media/rec1/999999.jpg')).status).toBe(404);
  });
});

describe('bad input', () => {
  const call = (method: string, body: string, headers: Record<string, string> = { ...json, ...auth }) =>
    fetch(`${base}/api/${method}`, { method: 'POST', headers, body });

  test('malformed requests get typed errors and the server keeps serving', async () => {
    const cases: [Promise<Response>, number, string][] = [
      [call('projects.create', '{"name":'), 400, 'VALIDATION'],
      [call('projects.create', '[1,2]'), 400, 'VALIDATION'],
      [call('projects.create', 'null'), 400, 'VALIDATION'],
      [call('projects.create', '{"name": 42}'), 400, 'VALIDATION'],
      [call('projects.create', '{"name":"x"}', { ...auth, 'content-type': 'text/plain' }), 400, 'VALIDATION'],
      [call('no.such.method', '{}'), 404, 'UNKNOWN_METHOD'],
      [call('%E0%A4%A', '{}'), 404, 'UNKNOWN_METHOD'],
      [call('projects.create', JSON.stringify({ name: 'x'.repeat(100 * 1024) })), 413, 'TOO_LARGE'],
    ];
    for (const [response, status, code] of cases) {
      const res = await response.catch((e: unknown) => e as Error);
      if (res instanceof Error) throw res;
      expect(res.status, code).toBe(status);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe(code);
    }
    const get = await fetch(`${base}/api/app.info`, { headers: auth });
    expect(get.status).toBe(400);
    expect((await call('projects.list', '{}')).status).toBe(200);
  });

  test('a burst of concurrent calls is answered in full', async () => {
    const project = (await (await call('projects.create', JSON.stringify({ name: 'Burst' }))).json()) as { result: { id: number } };
    const creates = Array.from({ length: 100 }, (_, i) => call('subjects.create', JSON.stringify({ projectId: project.result.id, code: `s${i}` })));
    const lists = Array.from({ length: 100 }, () => call('projects.list', '{}'));
    const statuses = (await Promise.all([...creates, ...lists])).map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(200);
    const subjects = (await (await call('subjects.list', JSON.stringify({ projectId: project.result.id }))).json()) as { result: unknown[] };
    expect(subjects.result).toHaveLength(100);
  });
});
