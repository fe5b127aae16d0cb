import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterEach, expect, test } from 'vitest';
import type { Job } from '../../src/shared/api/jobs';
import { tempDir } from '../helpers/backend';
import { startServerProcess, type ServerProcess } from '../helpers/server-process';

const running: ServerProcess[] = [];
afterEach(() => {
  for (const s of running.splice(0)) s.child.kill('SIGKILL');
});

async function start(dataDir: string, extra: string[] = [], env: NodeJS.ProcessEnv = {}): Promise<ServerProcess> {
  const s = await startServerProcess(['--data-dir', dataDir, '--port', '0', ...extra], env);
  running.push(s);
  return s;
}

async function call<T>(s: ServerProcess, method: string, args: object = {}): Promise<T> {
  const res = await fetch(`http://127.0.0.1:${s.port}/api/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${s.token}` },
    body: JSON.stringify(args),
  });
  const body = (await res.json()) as { result?: T; error?: { message: string } };
  if (!body.result) throw new Error(body.error?.message ?? `HTTP ${res.status}`);
  return body.result;
}

async function untilRunning(s: ServerProcess, id: number): Promise<void> {
  await expect.poll(async () => (await call<Job>(s, 'jobs.get', { id })).status, { timeout: 15_000 }).toBe('running');
}

test('the built server prints its URL on loopback and answers with the token only', async () => {
  const s = await start(tempDir());
  expect(s.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=\S{16,}$/);
  const page = await fetch(s.url);
  expect(page.status).toBe(200);
  expect(await page.text()).toMatch(/<div id="root">/);
  const anonymous = await fetch(`http://127.0.0.1:${s.port}/api/app.info`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
  expect(anonymous.status).toBe(401);
  const info = await call<{ host: string; ffmpeg: { found: boolean } }>(s, 'app.info');
  expect(info.host).toBe('server');
  expect(s.output()).not.toMatch(/WARNING/);
});

test('SIGTERM stops running jobs, closes the database and releases the data directory', async () => {
  const dataDir = tempDir();
  const s = await start(dataDir, [], { MER_FAULT_PROGRESS_DELAY_MS: '400' });
  const job = await call<Job>(s, 'jobs.start', { kind: 'db.integrity' });
  await untilRunning(s, job.id);
  s.child.kill('SIGTERM');
  expect(await s.exited).toEqual({ code: 0, signal: null });
  expect(s.output()).toMatch(/Stopped cleanly/);
  expect(existsSync(path.join(dataDir, 'workstation.lock'))).toBe(false);
  const again = await start(dataDir);
  expect(await call<Job>(again, 'jobs.get', { id: job.id })).toMatchObject({ status: 'interrupted' });
});

test('after the server is killed, a restart marks its running job interrupted and the database is intact', async () => {
  const dataDir = tempDir();
  const s = await start(dataDir, [], { MER_FAULT_PROGRESS_DELAY_MS: '400' });
  await call(s, 'projects.create', { name: 'Survives' });
  const job = await call<Job>(s, 'jobs.start', { kind: 'db.integrity' });
  await untilRunning(s, job.id);
  s.child.kill('SIGKILL');
  await s.exited;
  const again = await start(dataDir);
  const after = await call<Job>(again, 'jobs.get', { id: job.id });
  expect(after.status).toBe('interrupted');
  expect(after.error).toMatch(/stopped while this job was running/);
  const check = await call<Job>(again, 'jobs.start', { kind: 'db.integrity' });
  const done = await call<Job>(again, 'jobs.wait', { id: check.id, timeoutMs: 20_000 });
  expect(done.result).toMatchObject({ ok: true, tables: { projects: 1 } });
});

test('binding to another interface warns loudly', async () => {
  const s = await start(tempDir(), ['--host', '0.0.0.0']);
  expect(s.output()).toMatch(/WARNING: listening on 0\.0\.0\.0, not on loopback/);
});

test('a second server on the same data directory is refused with the reason', async () => {
  const dataDir = tempDir();
  await start(dataDir);
  await expect(start(dataDir)).rejects.toThrow(/in use by another MER Workstation process/);
});
