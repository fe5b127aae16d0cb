import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Project } from '../../src/shared/api/projects';
import type { Recording } from '../../src/shared/api/recordings';
import type { Subject } from '../../src/shared/api/subjects';
import { createTestBackend, tempDir } from '../helpers/backend';
import { runJob } from '../helpers/jobs';
import { makeClip } from '../helpers/media';

const dataDir = tempDir();
let backend: ReturnType<typeof createTestBackend>;
let project: Project;
let recording: Recording;
let subjects: Subject[];

beforeAll(async () => {
  backend = createTestBackend({ dataDir });
  project = (await backend.dispatch('projects.create', { name: 'Lab' })) as Project;
  subjects = [
    (await backend.dispatch('subjects.create', { projectId: project.id, code: 'sub01' })) as Subject,
    (await backend.dispatch('subjects.create', { projectId: project.id, code: 'sub02' })) as Subject,
  ];
  const file = makeClip(path.join(tempDir('mer-clips-'), 'r.mp4'), { frames: 10, width: 160, height: 120 });
  const job = await runJob(backend, 'recordings.import-video', { projectId: project.id, subjectId: subjects[0]!.id, path: file });
  recording = (await backend.dispatch('recordings.get', { id: (job.result as { recordingId: number }).recordingId })) as Recording;
});
afterAll(async () => backend.dispose());

test('the subject can be changed and removed; the subjects list counts recordings', async () => {
  const moved = (await backend.dispatch('recordings.update', { id: recording.id, subjectId: subjects[1]!.id, stimulus: 'EP03' })) as Recording;
  expect(moved).toMatchObject({ subjectCode: 'sub02', stimulus: 'EP03' });
  const list = (await backend.dispatch('subjects.list', { projectId: project.id })) as Subject[];
  expect(list.map((s) => [s.code, s.recordingCount])).toEqual([['sub01', 0], ['sub02', 1]]);
  await expect(backend.dispatch('subjects.delete', { id: subjects[1]!.id })).rejects.toMatchObject({ code: 'CONFLICT' });
  expect(await backend.dispatch('recordings.update', { id: recording.id, subjectId: null })).toMatchObject({ subjectId: null, subjectCode: null });
});

test('a face box is stored in frame pixels and must lie inside the frame', async () => {
  const box = { x: 40, y: 20, width: 80, height: 90 };
  expect(await backend.dispatch('recordings.setFaceBox', { id: recording.id, faceBox: box })).toMatchObject({ faceBox: box });
  await expect(backend.dispatch('recordings.setFaceBox', { id: recording.id, faceBox: { x: 100, y: 0, width: 80, height: 80 } })).rejects.toMatchObject({
    code: 'VALIDATION',
    message: expect.stringContaining('reaches outside the 160x120 frame'),
  });
  expect(((await backend.dispatch('recordings.get', { id: recording.id })) as Recording).faceBox).toEqual(box);
  expect(await backend.dispatch('recordings.setFaceBox', { id: recording.id, faceBox: null })).toMatchObject({ faceBox: null });
});

test('deleting a recording removes its frames; folders nobody refers to are swept at start-up', async () => {
  const file = makeClip(path.join(tempDir('mer-clips-'), 'gone.mp4'), { frames: 6 });
  const job = await runJob(backend, 'recordings.import-video', { projectId: project.id, path: file });
  const id = (job.result as { recordingId: number }).recordingId;
  const gone = (await backend.dispatch('recordings.get', { id })) as Recording;
  expect(existsSync(path.join(backend.mediaDir, gone.mediaPath))).toBe(true);
  await backend.dispatch('recordings.delete', { id });
  expect(existsSync(path.join(backend.mediaDir, gone.mediaPath))).toBe(false);
  await expect(backend.dispatch('recordings.get', { id })).rejects.toMatchObject({ code: 'NOT_FOUND' });

  mkdirSync(path.join(backend.mediaDir, 'recordings', 'orphan-from-a-crash', 'frames'), { recursive: true });
  mkdirSync(path.join(backend.mediaDir, '.staging', 'half-import'), { recursive: true });
  await backend.close();
  backend = createTestBackend({ dataDir });
  expect(readdirSync(path.join(backend.mediaDir, 'recordings'))).toEqual([recording.mediaPath.split('/')[1]]);
  expect(existsSync(path.join(backend.mediaDir, '.staging'))).toBe(false);
});

test('probing reports what an import will find', async () => {
  const file = makeClip(path.join(tempDir('mer-clips-'), 'probe.mov'), { frames: 15, rate: '30000/1001', width: 96, height: 64 });
  expect(await backend.dispatch('media.probe', { path: file })).toMatchObject({ codec: 'h264', width: 96, height: 64, fps: { num: 30000, den: 1001 }, frameCount: 15, rotation: 0 });
  await expect(backend.dispatch('media.probe', { path: '/nonexistent.mp4' })).rejects.toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('does not exist') });
});

test('the file browser lists folders first and knows its parent', async () => {
  const dir = tempDir('mer-browse-');
  mkdirSync(path.join(dir, 'b-folder'));
  makeClip(path.join(dir, 'a-clip.mp4'), { frames: 2 });
  const listing = (await backend.dispatch('files.list', { dir })) as { parent: string; entries: { name: string; kind: string }[] };
  expect(listing.entries.map((e) => [e.name, e.kind])).toEqual([['b-folder', 'dir'], ['a-clip.mp4', 'file']]);
  expect(listing.parent).toBe(path.dirname(dir));
  await expect(backend.dispatch('files.list', { dir: path.join(dir, 'nope') })).rejects.toMatchObject({ code: 'NOT_FOUND' });
});
