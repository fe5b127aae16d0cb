import Database from 'better-sqlite3';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { ApiError } from '../../src/shared/api/errors';
import type { Job } from '../../src/shared/api/jobs';
import type { MethodName } from '../../src/shared/api/contract';
import { databaseFileName } from '../../src/main/core/data-dir';
import { createTestBackend } from '../helpers/backend';
import { connectInMemory, connectOverHttp, type Connected } from '../helpers/transports';

/** The same cases over every transport: the behaviour a client sees must not depend on the carrier. */
const transports = {
  'in-memory': async (backend: ReturnType<typeof createTestBackend>) => connectInMemory(backend),
  'HTTP + WebSocket': async (backend: ReturnType<typeof createTestBackend>) => connectOverHttp(backend),
};

async function rejection(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
}

describe.each(Object.entries(transports))('contract over %s', (_name, connect) => {
  let backend: ReturnType<typeof createTestBackend>;
  let conn: Connected;

  beforeEach(async () => {
    // Slow job steps so that there is time to watch, cancel and wait on a running job.
    backend = createTestBackend({ faults: { MER_FAULT_PROGRESS_DELAY_MS: '150' } });
    conn = await connect(backend);
  });
  afterEach(async () => {
    await conn.close();
    await backend.dispose();
  });

  test('results: a created project and subject are listed and read back', async () => {
    const { client } = conn;
    const project = await client.call('projects.create', { name: '  SDU pilot ', defaultFps: 50 });
    expect(project).toMatchObject({ name: 'SDU pilot', defaultFps: 50, labelSet: ['happiness', 'surprise', 'disgust', 'sadness', 'fear', 'anger'] });
    const subject = await client.call('subjects.create', { projectId: project.id, code: '006', notes: 'glasses' });
    expect(subject).toMatchObject({ code: '006', notes: 'glasses', recordingCount: 0 });
    expect(await client.call('subjects.list', { projectId: project.id })).toEqual([subject]);
    expect((await client.call('projects.get', { id: project.id })).subjectCount).toBe(1);
    const renamed = await client.call('subjects.update', { id: subject.id, code: 'sub06' });
    expect(renamed).toMatchObject({ code: 'sub06', notes: 'glasses' });
  });

  test('validation errors name the field', async () => {
    const { client } = conn;
    const empty = await rejection(client.call('projects.create', { name: '   ' }));
    expect(empty.code).toBe('VALIDATION');
    expect(empty.issues).toEqual([{ path: 'name', message: 'must not be empty' }]);

    const newline = await rejection(client.call('projects.create', { name: 'two\nlines' }));
    expect(newline.issues).toEqual([{ path: 'name', message: 'must not contain control characters' }]);

    const badFps = await rejection(client.call('projects.create', { name: 'x', defaultFps: -5 }));
    expect(badFps.issues?.[0]?.path).toBe('defaultFps');

    const wrongType = await rejection(client.call('subjects.list', { projectId: 'one' as unknown as number }));
    expect(wrongType.code).toBe('VALIDATION');
    expect(wrongType.message).toContain('projectId');

    const extra = await rejection(client.call('projects.list', { sneaky: true } as never));
    expect(extra.code).toBe('VALIDATION');
    expect(extra.message).toContain('sneaky');
  });

  test('unknown methods get a typed error', async () => {
    const error = await rejection(conn.client.call('projects.drop' as MethodName, {} as never));
    expect(error.code).toBe('UNKNOWN_METHOD');
    expect(error.message).toContain('projects.drop');
  });

  test('conflicts and missing items are typed', async () => {
    const { client } = conn;
    const project = await client.call('projects.create', { name: 'A' });
    expect((await rejection(client.call('projects.create', { name: 'a' }))).code).toBe('CONFLICT');
    await client.call('subjects.create', { projectId: project.id, code: 's1' });
    const duplicate = await rejection(client.call('subjects.create', { projectId: project.id, code: 's1' }));
    expect(duplicate.code).toBe('CONFLICT');
    expect(duplicate.message).toContain('s1');
    expect((await rejection(client.call('subjects.delete', { id: 9999 }))).code).toBe('NOT_FOUND');
  });

  test('deleting a subject that has recordings is refused, and nothing is deleted', async () => {
    const { client } = conn;
    const project = await client.call('projects.create', { name: 'With data' });
    const subject = await client.call('subjects.create', { projectId: project.id, code: 'sub01' });
    // A second real connection to the same file, as the import worker will write recordings.
    const db = new Database(path.join(backend.dataDir, databaseFileName));
    db.prepare(
      `INSERT INTO recordings (project_id, subject_id, name, source_path, content_hash, fps_num, fps_den, width, height, frame_count, frames_dir, created_at)
       VALUES (?, ?, 'clip', '/x.mp4', 'h1', 50, 1, 1024, 1024, 500, 'r1', 'now')`,
    ).run(project.id, subject.id);
    db.close();
    const error = await rejection(client.call('subjects.delete', { id: subject.id }));
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toMatch(/sub01.*1 recording/);
    expect(await client.call('subjects.list', { projectId: project.id })).toHaveLength(1);
    expect((await rejection(client.call('projects.delete', { id: project.id }))).code).toBe('CONFLICT');
  });

  test('cancellation rejects the call and stops it on the host', async () => {
    const { client } = conn;
    const job = await client.call('jobs.start', { kind: 'db.integrity', params: {} });
    const controller = new AbortController();
    const waiting = client.call('jobs.wait', { id: job.id, timeoutMs: 60_000 }, { signal: controller.signal });
    await expect.poll(() => backend.inFlight()).toBe(1);
    controller.abort();
    expect((await rejection(waiting)).code).toBe('CANCELLED');
    await expect.poll(() => backend.inFlight()).toBe(0);
    // An already-aborted signal never reaches the host.
    expect((await rejection(client.call('app.info', {}, { signal: AbortSignal.abort() }))).code).toBe('CANCELLED');
  });

  test('events: job progress arrives, throttled, ending with the final status', async () => {
    const { client } = conn;
    await conn.ready();
    const seen: Job[] = [];
    let jobId = -1;
    const finished = new Promise<Job>((resolve) => {
      const off = client.on('job.updated', (job) => {
        if (job.id !== jobId) return;
        seen.push(job);
        if (job.status === 'succeeded') {
          off();
          resolve(job);
        }
      });
    });
    jobId = (await client.call('jobs.start', { kind: 'db.integrity', params: {} })).id;
    const final = await finished;
    expect(final.progress).toBe(1);
    expect(final.result).toMatchObject({ ok: true });
    expect(seen.some((j) => j.status === 'running' && j.progress > 0 && j.progress < 1)).toBe(true);
    const progress = seen.map((j) => j.progress);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
  });
});
