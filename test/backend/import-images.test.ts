import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, expect, test } from 'vitest';
import type { Project } from '../../src/shared/api/projects';
import type { CaptureSession, Recording } from '../../src/shared/api/recordings';
import { readImageSize } from '../../src/main/core/media/image-size';
import { createTestBackend, tempDir } from '../helpers/backend';
import { runJob } from '../helpers/jobs';
import { columnMeans, makeClip, makeImages } from '../helpers/media';

let backend: ReturnType<typeof createTestBackend>;
let project: Project;
const root = tempDir('mer-images-');

beforeEach(async () => {
  backend = createTestBackend();
  project = (await backend.dispatch('projects.create', { name: 'Lab', defaultFps: 200 })) as Project;
});
afterEach(async () => backend.dispose());

const recordings = async () => (await backend.dispatch('recordings.list', { projectId: project.id })) as Recording[];

test('frame numbers come from the file names, keep the first number, and gaps and duplicates are reported', async () => {
  // Lexicographic order would put img100 before img46; a second file claims frame 47.
  const names = ['img46.jpg', 'img47.jpg', 'img048.jpg', 'img49.jpg', 'img51.jpg', 'img100.jpg', 'notes.jpg'];
  const dir = makeImages(path.join(root, 'sub01', 'EP02_01f'), names);
  const scan = await backend.dispatch('media.scanImages', { path: dir });
  expect(scan).toMatchObject({ frameCount: 6, firstFrame: 46, lastFrame: 100, duplicates: [], unnumbered: ['notes.jpg'], width: 64, height: 48 });
  makeImages(dir, ['img0047.jpg']);
  const job = await runJob(backend, 'recordings.import-images', { projectId: project.id, dir });
  expect(job.status, job.error ?? '').toBe('succeeded');
  expect(job.result).toMatchObject({ frames: 6, firstFrame: 46, fps: '200/1', duplicates: ['img47.jpg'], unnumbered: ['notes.jpg'] });
  const gaps = (job.result as { gaps: number[] }).gaps;
  expect(gaps).toContain(50);
  expect(gaps).toHaveLength(100 - 46 + 1 - 6);
  const [rec] = await recordings();
  expect(rec).toMatchObject({ name: 'EP02_01f', sourceKind: 'images', firstFrame: 46, lastFrame: 100, frameCount: 6, frameFormat: 'jpg' });
  const frames = readdirSync(path.join(backend.mediaDir, rec!.mediaPath, 'frames')).sort();
  expect(frames).toEqual(['100.jpg', '46.jpg', '47.jpg', '48.jpg', '49.jpg', '51.jpg']);
  // Previews: sheets of ten from frame 46, each image at its number's place (a missing number keeps its place).
  const previews = path.join(backend.mediaDir, rec!.mediaPath, 'previews');
  expect(readdirSync(previews).sort()).toEqual(['sheet-0.jpg', 'sheet-1.jpg', 'sheet-2.jpg', 'sheet-3.jpg', 'sheet-4.jpg', 'sheet-5.jpg']);
  const tiles = columnMeans(path.join(previews, 'sheet-%d.jpg'), 160 * 10, 120, 10).flat();
  const greyOf = (file: string) => columnMeans(path.join(dir, file), 64, 48, 1)[0]![0]!;
  for (const [frame, file] of [[46, 'img46.jpg'], [47, 'img0047.jpg'], [48, 'img048.jpg'], [49, 'img49.jpg'], [51, 'img51.jpg'], [100, 'img100.jpg']] as const) {
    expect(tiles[frame - 46], `frame ${frame}`).toBeCloseTo(greyOf(file), -0.5);
  }
});

test('the fps can be given, and BMP frames (SMIC) are stored as PNG', async () => {
  const dir = makeImages(path.join(root, 'smic'), ['image001234.bmp', 'image001235.bmp', 'image001236.bmp']);
  const job = await runJob(backend, 'recordings.import-images', { projectId: project.id, dir, fps: 100 });
  expect(job.status, job.error ?? '').toBe('succeeded');
  const [rec] = await recordings();
  expect(rec).toMatchObject({ firstFrame: 1234, lastFrame: 1236, fps: { num: 100, den: 1 }, frameFormat: 'png' });
  expect(readImageSize(path.join(backend.mediaDir, rec!.mediaPath, 'frames', '1235.png'))).toEqual({ width: 64, height: 48 });
});

test('folders that cannot be a recording are refused with the reason, and nothing is stored', async () => {
  const mixed = makeImages(path.join(root, 'mixed'), ['1.jpg', '2.jpg']);
  makeImages(mixed, ['3.jpg'], '32x32');
  const empty = makeImages(path.join(root, 'empty'), ['cover.jpg']);
  const cases: [string, RegExp][] = [
    [mixed, /3\.jpg is 32x32 but 1\.jpg is 64x48/],
    [empty, /has no numbered images/],
    [path.join(root, 'missing'), /does not exist/],
  ];
  for (const [dir, message] of cases) {
    const job = await runJob(backend, 'recordings.import-images', { projectId: project.id, dir });
    expect(job.status).toBe('failed');
    expect(job.error).toMatch(message);
    await expect(backend.dispatch('media.scanImages', { path: dir })).rejects.toMatchObject({ code: 'VALIDATION', message: expect.stringMatching(message) });
  }
  expect(await recordings()).toEqual([]);
  expect(existsSync(path.join(backend.mediaDir, 'recordings'))).toBe(false);
});

test('a session folder becomes one capture session with a recording per stimulus', async () => {
  const subject = (await backend.dispatch('subjects.create', { projectId: project.id, code: 'sub07' })) as { id: number };
  const dir = path.join(root, 'session-07');
  makeClip(path.join(dir, 'EP01_5.mp4'), { frames: 8 });
  makeClip(path.join(dir, 'EP02_1.mp4'), { frames: 10 });
  writeFileSync(path.join(dir, 'readme.txt'), 'operator notes');
  const job = await runJob(backend, 'recordings.import-session', {
    projectId: project.id, subjectId: subject.id, dir, capturedOn: '2026-11-20', operator: 'Ana', camera: { fps: '50', resolution: '1024x1024' },
  });
  expect(job.status, job.error ?? '').toBe('succeeded');
  expect(job.result).toMatchObject({ frames: 18 });
  const [session] = (await backend.dispatch('sessions.list', { projectId: project.id })) as CaptureSession[];
  expect(session).toMatchObject({ subjectId: subject.id, capturedOn: '2026-11-20', operator: 'Ana', stimuli: ['EP01_5', 'EP02_1'], recordingCount: 2, camera: { fps: '50' } });
  const recs = await recordings();
  expect(recs.map((r) => [r.stimulus, r.sessionId, r.subjectId, r.frameCount])).toEqual([
    ['EP01_5', session!.id, subject.id, 8],
    ['EP02_1', session!.id, subject.id, 10],
  ]);
  await expect(backend.dispatch('sessions.delete', { id: session!.id })).rejects.toMatchObject({ code: 'CONFLICT' });
});

test('one bad video fails the whole session import: no session, no recordings, no frames', async () => {
  const dir = path.join(root, 'session-bad');
  makeClip(path.join(dir, 'EP01.mp4'), { frames: 8 });
  writeFileSync(path.join(dir, 'EP02.mp4'), 'not a video');
  const job = await runJob(backend, 'recordings.import-session', { projectId: project.id, dir });
  expect(job.status).toBe('failed');
  expect(job.error).toMatch(/EP02\.mp4 is not a video ffmpeg can read/);
  expect(await backend.dispatch('sessions.list', { projectId: project.id })).toEqual([]);
  expect(await recordings()).toEqual([]);
  expect(readdirSync(backend.mediaDir).flatMap((d) => readdirSync(path.join(backend.mediaDir, d)))).toEqual([]);
});
