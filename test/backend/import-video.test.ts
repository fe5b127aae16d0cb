import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, truncateSync, writeFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { Project } from '../../src/shared/api/projects';
import type { Recording } from '../../src/shared/api/recordings';
import type { Subject } from '../../src/shared/api/subjects';
import { readImageSize } from '../../src/main/core/media/image-size';
import { createTestBackend, tempDir } from '../helpers/backend';
import { runJob } from '../helpers/jobs';
import { makeClip } from '../helpers/media';

let backend: ReturnType<typeof createTestBackend>;
let project: Project;
let subject: Subject;
const clips = tempDir('mer-clips-');

beforeEach(async () => {
  backend = createTestBackend();
  project = (await backend.dispatch('projects.create', { name: 'Lab' })) as Project;
  subject = (await backend.dispatch('subjects.create', { projectId: project.id, code: 'sub01' })) as Subject;
});
afterEach(async () => backend.dispose());

const recordings = async () => (await backend.dispatch('recordings.list', { projectId: project.id })) as Recording[];
const mediaFolders = () => (existsSync(path.join(backend.mediaDir, 'recordings')) ? readdirSync(path.join(backend.mediaDir, 'recordings')) : []);
const stray = () => ['.staging', '.trash'].flatMap((d) => (existsSync(path.join(backend.mediaDir, d)) ? readdirSync(path.join(backend.mediaDir, d)) : []));

describe('video import', () => {
  test('decodes every frame once into numbered files with preview sheets, and stores the exact rate and size', async () => {
    const file = makeClip(path.join(clips, 'clip.mp4'), { frames: 60, width: 160, height: 120 });
    const job = await runJob(backend, 'recordings.import-video', { projectId: project.id, subjectId: subject.id, path: file, stimulus: 'EP01' });
    expect(job.status, job.error ?? '').toBe('succeeded');
    expect(job.result).toMatchObject({ frames: 60, firstFrame: 0, fps: '50/1', width: 160, height: 120, duplicate: false });
    const [rec] = await recordings();
    expect(rec).toMatchObject({ subjectCode: 'sub01', stimulus: 'EP01', name: 'clip', frameCount: 60, firstFrame: 0, lastFrame: 59, fps: { num: 50, den: 1 }, codec: 'h264', sourceKind: 'video', frameFormat: 'jpg' });
    expect(rec?.durationSec).toBeCloseTo(1.2);
    const dir = path.join(backend.mediaDir, rec!.mediaPath);
    const frames = readdirSync(path.join(dir, 'frames'));
    expect(frames).toHaveLength(60);
    expect(new Set(frames)).toEqual(new Set(Array.from({ length: 60 }, (_, i) => `${i}.jpg`)));
    expect(rec?.previewsPerSheet).toBe(10);
    expect(readdirSync(path.join(dir, 'previews')).sort()).toEqual(['sheet-0.jpg', 'sheet-1.jpg', 'sheet-2.jpg', 'sheet-3.jpg', 'sheet-4.jpg', 'sheet-5.jpg']);
    expect(readImageSize(path.join(dir, 'frames', '59.jpg'))).toEqual({ width: 160, height: 120 });
    expect(readImageSize(path.join(dir, 'previews', 'sheet-5.jpg'))).toEqual({ width: 160 * 10, height: 120 });
    expect(stray()).toEqual([]);
  });

  test('keeps a rational frame rate and reads avi, mov and mkv', async () => {
    const cases = [
      { file: 'a.avi', codec: ['-c:v', 'mjpeg', '-q:v', '3'], rate: '25', expect: '25/1' },
      { file: 'b.mov', codec: ['-c:v', 'libx264', '-pix_fmt', 'yuv420p'], rate: '30000/1001', expect: '30000/1001' },
      { file: 'c.mkv', codec: ['-c:v', 'libvpx-vp9', '-deadline', 'realtime'], rate: '50', expect: '50/1' },
    ];
    for (const c of cases) {
      const file = makeClip(path.join(clips, c.file), { frames: 12, rate: c.rate, codec: c.codec });
      const job = await runJob(backend, 'recordings.import-video', { projectId: project.id, path: file });
      expect(job.status, `${c.file}: ${job.error}`).toBe('succeeded');
      expect(job.result).toMatchObject({ frames: 12, fps: c.expect });
    }
    expect(await recordings()).toHaveLength(3);
  });

  test('stores frames upright and reports the rotation of a rotated phone video', async () => {
    const plain = makeClip(path.join(clips, 'plain.mp4'), { frames: 10, width: 160, height: 96 });
    const rotated = path.join(clips, 'rotated.mp4');
    execFileSync('ffmpeg', ['-v', 'error', '-y', '-i', plain, '-c', 'copy', '-metadata:s:v:0', 'rotate=90', rotated]);
    const job = await runJob(backend, 'recordings.import-video', { projectId: project.id, path: rotated });
    expect(job.status, job.error ?? '').toBe('succeeded');
    const [rec] = await recordings();
    expect(Math.abs(rec!.rotation)).toBe(90);
    expect([rec!.width, rec!.height]).toEqual([96, 160]);
    expect(readImageSize(path.join(backend.mediaDir, rec!.mediaPath, 'frames', '0.jpg'))).toEqual({ width: 96, height: 160 });
  });

  test('importing the same file twice is a no-op that names the first import', async () => {
    const file = makeClip(path.join(clips, 'twice.mp4'), { frames: 20 });
    const first = await runJob(backend, 'recordings.import-video', { projectId: project.id, path: file });
    const copy = path.join(clips, 'renamed-copy.mp4');
    writeFileSync(copy, execFileSync('cat', [file]));
    const second = await runJob(backend, 'recordings.import-video', { projectId: project.id, path: copy });
    expect(second.status).toBe('succeeded');
    expect(second.result).toMatchObject({ duplicate: true, recordingId: (first.result as { recordingId: number }).recordingId });
    expect(second.message).toMatch(/Already imported as recording/);
    expect(await recordings()).toHaveLength(1);
    expect(mediaFolders()).toHaveLength(1);
  });

  test('PNG frames are lossless when chosen', async () => {
    const file = makeClip(path.join(clips, 'png.mp4'), { frames: 5 });
    const job = await runJob(backend, 'recordings.import-video', { projectId: project.id, path: file, frameFormat: 'png' });
    expect(job.status, job.error ?? '').toBe('succeeded');
    const [rec] = await recordings();
    expect(rec?.frameFormat).toBe('png');
    expect(readdirSync(path.join(backend.mediaDir, rec!.mediaPath, 'frames')).sort()).toEqual(['0.png', '1.png', '2.png', '3.png', '4.png']);
  });
});

describe('bad video input leaves the database and the frame store as they were', () => {
  async function expectRefused(params: object, message: RegExp): Promise<void> {
    const before = await recordings();
    const job = await runJob(backend, 'recordings.import-video', { projectId: project.id, ...params });
    expect(job.status).toBe('failed');
    expect(job.error).toMatch(message);
    expect(await recordings()).toEqual(before);
    expect(mediaFolders()).toHaveLength(before.length);
    expect(stray()).toEqual([]);
  }

  test('a file that is not a video', async () => {
    const file = path.join(clips, 'notes.mp4');
    writeFileSync(file, 'these are my notes, not a video');
    await expectRefused({ path: file }, /notes\.mp4 is not a video ffmpeg can read/);
  });

  test('a truncated video', async () => {
    const file = makeClip(path.join(clips, 'cut.mp4'), { frames: 50 });
    truncateSync(file, Math.floor(statSync(file).size / 3));
    await expectRefused({ path: file }, /cut\.mp4/);
  });

  test('a file with no video stream, and a single-frame file', async () => {
    const audio = path.join(clips, 'audio.mp4');
    execFileSync('ffmpeg', ['-v', 'error', '-y', '-f', 'lavfi', '-i', 'sine=duration=1', audio]);
    await expectRefused({ path: audio }, /audio\.mp4 has no video stream/);
    const still = makeClip(path.join(clips, 'still.mp4'), { frames: 1 });
    await expectRefused({ path: still }, /still\.mp4 has a single frame; a recording needs at least two/);
  });

  test('a path that does not exist, and a subject of another project', async () => {
    await expectRefused({ path: path.join(clips, 'nowhere.mp4') }, /nowhere\.mp4 does not exist/);
    const other = (await backend.dispatch('projects.create', { name: 'Other' })) as Project;
    const stranger = (await backend.dispatch('subjects.create', { projectId: other.id, code: 'x' })) as Subject;
    const file = makeClip(path.join(clips, 'ok.mp4'), { frames: 5 });
    await expectRefused({ path: file, subjectId: stranger.id }, /Subject "x" belongs to another project/);
  });
});
