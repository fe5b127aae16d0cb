import Database from 'better-sqlite3';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { isFinished, type Job } from '../../src/shared/api/jobs';
import { databaseFileName } from '../../src/main/core/data-dir';
import { createTestBackend, tempDir } from '../helpers/backend';
import { untilProgress } from '../helpers/jobs';

let backends: ReturnType<typeof createTestBackend>[] = [];
function backendWith(options: Parameters<typeof createTestBackend>[0] = {}) {
  const b = createTestBackend(options);
  backends.push(b);
  return b;
}
afterEach(async () => {
  await Promise.all(backends.map((b) => b.dispose()));
  backends = [];
});

const start = async (b: ReturnType<typeof createTestBackend>, kind: 'db.integrity' | 'db.backup') =>
  (await b.dispatch('jobs.start', { kind })) as Job;
const wait = async (b: ReturnType<typeof createTestBackend>, id: number) => (await b.dispatch('jobs.wait', { id, timeoutMs: 20_000 })) as Job;

describe('jobs', () => {
  test('an integrity check runs in a worker process and reports a healthy database', async () => {
    const b = backendWith();
    await b.dispatch('projects.create', { name: 'P' });
    const job = await start(b, 'db.integrity');
    expect(job.status).toMatch(/queued|running/);
    const done = await wait(b, job.id);
    expect(done).toMatchObject({ status: 'succeeded', progress: 1, error: null });
    expect(done.result).toMatchObject({ ok: true, problems: [], tables: { projects: 1 } });
    expect(done.startedAt).not.toBeNull();
    expect(done.finishedAt).not.toBeNull();
  });

  test('a backup is a complete SQLite copy with the data', async () => {
    const b = backendWith();
    await b.dispatch('projects.create', { name: 'Backed up' });
    const done = await wait(b, (await start(b, 'db.backup')).id);
    expect(done.status).toBe('succeeded');
    const { file } = done.result as { file: string };
    const copy = new Database(file, { readonly: true });
    expect(copy.prepare(`SELECT name FROM projects`).pluck().all()).toEqual(['Backed up']);
    copy.close();
    expect(readdirSync(path.dirname(file)).filter((f) => f.endsWith('.partial'))).toEqual([]);
  });

  test('cancel stops a running job at its next step', async () => {
    const b = backendWith({ faults: { MER_FAULT_PROGRESS_DELAY_MS: '300' } });
    const job = await start(b, 'db.integrity');
    await untilProgress(b, job.id);
    await b.dispatch('jobs.cancel', { id: job.id });
    const done = await wait(b, job.id);
    expect(done.status).toBe('cancelled');
    expect(done.result).toBeNull();
  });

  test('a worker that ignores cancel is killed after the grace period', async () => {
    // Each step sleeps 10 s: longer than the grace period, so only the kill can stop it.
    const b = backendWith({ faults: { MER_FAULT_PROGRESS_DELAY_MS: '10000' }, jobs: { graceMs: 300 } });
    const job = await start(b, 'db.integrity');
    await expect.poll(async () => ((await b.dispatch('jobs.get', { id: job.id })) as Job).status).toBe('running');
    const t0 = Date.now();
    await b.dispatch('jobs.cancel', { id: job.id });
    const done = await wait(b, job.id);
    expect(done.status).toBe('cancelled');
    expect(Date.now() - t0).toBeLessThan(5000);
  });

  test('a worker that crashes leaves its job failed with the reason', async () => {
    const b = backendWith({ faults: { MER_FAULT_CRASH_AT: '0.3' } });
    const crashed = await start(b, 'db.integrity');
    const done = await wait(b, crashed.id);
    expect(done.status).toBe('failed');
    expect(done.error).toMatch(/worker process was killed by SIGKILL before the job finished/);
  });

  test('queued jobs wait for a free slot; cancelling a queued job never starts it', async () => {
    const b = backendWith({ faults: { MER_FAULT_PROGRESS_DELAY_MS: '100' }, jobs: { concurrency: 1 } });
    const first = await start(b, 'db.integrity');
    const second = await start(b, 'db.integrity');
    const third = await start(b, 'db.integrity');
    expect(second.status).toBe('queued');
    const cancelled = (await b.dispatch('jobs.cancel', { id: third.id })) as Job;
    expect(cancelled.status).toBe('cancelled');
    expect((await wait(b, first.id)).status).toBe('succeeded');
    expect((await wait(b, second.id)).status).toBe('succeeded');
    expect(((await b.dispatch('jobs.get', { id: third.id })) as Job).startedAt).toBeNull();
  });

  test('after a crash of the whole backend, jobs it was running are marked interrupted on restart', async () => {
    const dataDir = tempDir();
    const first = backendWith({ dataDir });
    await first.dispatch('projects.create', { name: 'P' });
    await first.close();
    // What a crashed process leaves behind: rows still queued and running.
    const db = new Database(path.join(dataDir, databaseFileName));
    db.exec(`INSERT INTO jobs (kind, status, params, created_at, started_at) VALUES ('db.backup', 'running', '{}', 'n', 'n'), ('db.integrity', 'queued', '{}', 'n', NULL)`);
    db.close();
    const second = backendWith({ dataDir });
    const jobs = (await second.dispatch('jobs.list', {})) as Job[];
    expect(jobs.map((j) => [j.kind, j.status])).toEqual([
      ['db.integrity', 'interrupted'],
      ['db.backup', 'interrupted'],
    ]);
    expect(jobs[1]?.error).toMatch(/stopped while this job was running/);
    expect(((await second.dispatch('jobs.list', { active: true })) as Job[])).toEqual([]);
  });

  test('closing the backend stops running jobs and marks them interrupted', async () => {
    const dataDir = tempDir();
    const b = backendWith({ dataDir, faults: { MER_FAULT_PROGRESS_DELAY_MS: '300' } });
    const job = await start(b, 'db.integrity');
    await untilProgress(b, job.id);
    await b.close();
    const again = backendWith({ dataDir });
    const after = (await again.dispatch('jobs.get', { id: job.id })) as Job;
    expect(after.status).toBe('interrupted');
    expect(isFinished(after.status)).toBe(true);
  });

  test('bad job parameters and unknown job kinds are validation errors', async () => {
    const b = backendWith();
    await expect(b.dispatch('jobs.start', { kind: 'db.explode' })).rejects.toMatchObject({ code: 'VALIDATION' });
    await expect(b.dispatch('jobs.start', { kind: 'db.backup', params: { to: '/etc' } })).rejects.toMatchObject({ code: 'VALIDATION' });
    expect(existsSync(path.join(b.dataDir, 'backups'))).toBe(false);
  });
});
