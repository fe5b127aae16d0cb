import { existsSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterEach, expect, test } from 'vitest';
import type { Job } from '../../src/shared/api/jobs';
import type { Project } from '../../src/shared/api/projects';
import type { Recording } from '../../src/shared/api/recordings';
import { createTestBackend, tempDir } from '../helpers/backend';
import { runJob, untilProgress } from '../helpers/jobs';
import { makeClip, makeImages } from '../helpers/media';
import { mountTinyFilesystem } from '../helpers/tiny-filesystem';

const clips = tempDir('mer-clips-');
const open: ReturnType<typeof createTestBackend>[] = [];
afterEach(async () => {
  for (const b of open.splice(0)) await b.dispose();
});

async function setUp(options: Parameters<typeof createTestBackend>[0] = {}) {
  const backend = createTestBackend(options);
  open.push(backend);
  const project = (await backend.dispatch('projects.create', { name: 'Lab' })) as Project;
  return { backend, project };
}

function leftovers(mediaDir: string): string[] {
  return ['.staging', '.trash', 'recordings'].flatMap((d) => (existsSync(path.join(mediaDir, d)) ? readdirSync(path.join(mediaDir, d)).map((f) => `${d}/${f}`) : []));
}

test('a cancelled import leaves no recording and no frame files', async () => {
  const { backend, project } = await setUp({ faults: { MER_FAULT_PROGRESS_DELAY_MS: '150' } });
  const folder = makeImages(path.join(clips, 'seq-cancel'), Array.from({ length: 80 }, (_, i) => `img${i + 1}.jpg`));
  const job = (await backend.dispatch('jobs.start', { kind: 'recordings.import-images', params: { projectId: project.id, dir: folder } })) as Job;
  await untilProgress(backend, job.id, 0.25);
  await backend.dispatch('jobs.cancel', { id: job.id });
  const done = (await backend.dispatch('jobs.wait', { id: job.id, timeoutMs: 30_000 })) as Job;
  expect(done.status).toBe('cancelled');
  expect(await backend.dispatch('recordings.list', { projectId: project.id })).toEqual([]);
  expect(leftovers(backend.mediaDir)).toEqual([]);
});

test('a worker killed mid-import leaves nothing behind once the backend restarts', async () => {
  const dataDir = tempDir();
  const { backend, project } = await setUp({ dataDir, faults: { MER_FAULT_CRASH_AT: '0.5' } });
  const folder = makeImages(path.join(clips, 'seq-crash'), Array.from({ length: 60 }, (_, i) => `f_${i}.png`));
  const job = await runJob(backend, 'recordings.import-images', { projectId: project.id, dir: folder });
  expect(job.status).toBe('failed');
  expect(job.error).toMatch(/killed by SIGKILL/);
  await backend.close();
  open.splice(0);
  const again = createTestBackend({ dataDir });
  open.push(again);
  expect(await again.dispatch('recordings.list', { projectId: project.id })).toEqual([]);
  expect(leftovers(again.mediaDir)).toEqual([]);
});

test('an image folder that disappears during the import is named, and nothing is stored', async () => {
  const { backend, project } = await setUp({ faults: { MER_FAULT_PROGRESS_DELAY_MS: '200' } });
  const folder = makeImages(path.join(clips, 'seq-vanish'), Array.from({ length: 60 }, (_, i) => `img${i}.jpg`));
  const job = (await backend.dispatch('jobs.start', { kind: 'recordings.import-images', params: { projectId: project.id, dir: folder } })) as Job;
  await untilProgress(backend, job.id, 0.25);
  rmSync(folder, { recursive: true, force: true });
  const done = (await backend.dispatch('jobs.wait', { id: job.id, timeoutMs: 30_000 })) as Job;
  expect(done.status).toBe('failed');
  expect(done.error).toMatch(/seq-vanish\/img\d+\.jpg/);
  expect(await backend.dispatch('recordings.list', { projectId: project.id })).toEqual([]);
  expect(leftovers(backend.mediaDir)).toEqual([]);
});

test('a full disk fails the import with a clear message and keeps what was stored', async (ctx) => {
  const dataDir = path.join(tempDir(), 'tiny');
  const unmount = mountTinyFilesystem(dataDir, '3m');
  if (typeof unmount === 'string') return ctx.skip(unmount);
  try {
    const { backend, project } = await setUp({ dataDir });
    const small = makeClip(path.join(clips, 'small.mp4'), { frames: 5, width: 64, height: 64 });
    expect((await runJob(backend, 'recordings.import-video', { projectId: project.id, path: small })).status).toBe('succeeded');
    const before = (await backend.dispatch('recordings.list', { projectId: project.id })) as Recording[];
    const big = makeClip(path.join(clips, 'big.mp4'), { frames: 200, width: 640, height: 480, codec: ['-c:v', 'libx264', '-pix_fmt', 'yuv420p', '-crf', '30'] });
    const job = await runJob(backend, 'recordings.import-video', { projectId: project.id, path: big });
    expect(job.status).toBe('failed');
    expect(job.error).toMatch(/No space left on device/i);
    expect(await backend.dispatch('recordings.list', { projectId: project.id })).toEqual(before);
    expect(leftovers(backend.mediaDir)).toEqual([`recordings/${before[0]!.mediaPath.split('/')[1]}`]);
    const check = await runJob(backend, 'db.integrity', {});
    expect(check.result).toMatchObject({ ok: true });
    await backend.dispose();
    open.splice(0);
  } finally {
    unmount();
  }
});
