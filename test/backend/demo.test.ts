import Database from 'better-sqlite3';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterEach, expect, test } from 'vitest';
import type { Job } from '../../src/shared/api/jobs';
import type { Project } from '../../src/shared/api/projects';
import type { Recording } from '../../src/shared/api/recordings';
import { demoPlan, DEFAULT_DEMO_SEED } from '../../src/main/core/demo/plan';
import { databaseFileName } from '../../src/main/core/data-dir';
import { createTestBackend } from '../helpers/backend';
import { runJob, untilProgress } from '../helpers/jobs';
import { mer } from '../helpers/cli';
import { tempDir } from '../helpers/backend';

const open: ReturnType<typeof createTestBackend>[] = [];
afterEach(async () => {
  for (const b of open.splice(0)) await b.dispose();
});

test('the demo project is generated with its ground truth, once', async () => {
  const backend = createTestBackend();
  open.push(backend);
  const job = await runJob(backend, 'demo.create', { scale: 'small' });
  expect(job.status, job.error ?? '').toBe('succeeded');
  expect(job.result).toMatchObject({ project: 'Demo', subjects: 3, recordings: 3, events: 6, created: true });

  const [project] = (await backend.dispatch('projects.list', {})) as Project[];
  const recordings = (await backend.dispatch('recordings.list', { projectId: project!.id })) as Recording[];
  const plan = demoPlan('small', DEFAULT_DEMO_SEED);
  for (const [i, rec] of recordings.entries()) {
    const planned = plan.recordings[i]!;
    expect(rec).toMatchObject({ name: planned.name, stimulus: planned.stimulus, subjectCode: planned.subjectCode, frameCount: planned.frameCount, fps: { num: 50, den: 1 }, faceBox: planned.faceBox, eventCount: 2 });
    expect(readdirSync(path.join(backend.mediaDir, rec.mediaPath, 'frames'))).toHaveLength(planned.frameCount);
  }
  const db = new Database(path.join(backend.dataDir, databaseFileName), { readonly: true });
  const events = db.prepare(`SELECT onset, apex, offset, emotion, au_raw AS aus FROM events ORDER BY recording_id, onset`).all();
  db.close();
  expect(events).toEqual(plan.recordings.flatMap((r) => r.events.map((e) => ({ onset: e.onset, apex: e.apex, offset: e.offset, emotion: e.emotion, aus: e.aus }))));

  const again = await runJob(backend, 'demo.create', { scale: 'small' });
  expect(again.result).toMatchObject({ created: false, recordings: 3, events: 6 });
  expect(await backend.dispatch('projects.list', {})).toHaveLength(1);
});

test('a cancelled demo leaves no project and no frames', async () => {
  const backend = createTestBackend({ faults: { MER_FAULT_PROGRESS_DELAY_MS: '100' } });
  open.push(backend);
  const job = (await backend.dispatch('jobs.start', { kind: 'demo.create', params: { scale: 'small' } })) as Job;
  await untilProgress(backend, job.id, 0.7);
  await backend.dispatch('jobs.cancel', { id: job.id });
  expect(((await backend.dispatch('jobs.wait', { id: job.id, timeoutMs: 60_000 })) as Job).status).toBe('cancelled');
  expect(await backend.dispatch('projects.list', {})).toEqual([]);
  const recordingsDir = path.join(backend.mediaDir, 'recordings');
  expect(existsSync(recordingsDir) ? readdirSync(recordingsDir) : []).toEqual([]);
  expect(existsSync(path.join(backend.mediaDir, '.staging')) ? readdirSync(path.join(backend.mediaDir, '.staging')) : []).toEqual([]);
  expect(existsSync(path.join(backend.dataDir, 'demo-videos', 'small'))).toBe(false);
});

test('npm run mer -- demo prints the summary as its last line and is idempotent', () => {
  const dataDir = path.join(tempDir(), 'd');
  const first = mer(['demo', '--data-dir', dataDir, '--small']);
  expect(first.status, first.stderr).toBe(0);
  expect(first.json()).toEqual({ project: 'Demo', subjects: 3, recordings: 3, events: 6 });
  expect(mer(['demo', '--data-dir', dataDir, '--small']).json()).toEqual(first.json());
});
