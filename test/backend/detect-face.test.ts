import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Project } from '../../src/shared/api/projects';
import type { FaceBox, Recording } from '../../src/shared/api/recordings';
import { createTestBackend, tempDir } from '../helpers/backend';
import { runJob } from '../helpers/jobs';

const faces = path.resolve(__dirname, '../../../shared/fixtures/faces');
let backend: ReturnType<typeof createTestBackend>;
let recording: Recording;

/** Intersection over union of two boxes. */
function overlap(a: FaceBox, b: FaceBox): number {
  const w = Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x));
  const h = Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y));
  return (w * h) / (a.width * a.height + b.width * b.height - w * h);
}

beforeAll(async () => {
  backend = createTestBackend();
  const project = (await backend.dispatch('projects.create', { name: 'Faces', defaultFps: 50 })) as Project;
  // Frames 1 and 2 are a real portrait (512x600); frame 3 is a blank wall; frame 4 is missing.
  const dir = path.join(tempDir('mer-faces-'), 'session');
  mkdirSync(dir, { recursive: true });
  copyFileSync(path.join(faces, 'grace_hopper.jpg'), path.join(dir, 'img1.jpg'));
  copyFileSync(path.join(faces, 'grace_hopper.jpg'), path.join(dir, 'img2.jpg'));
  execFileSync('ffmpeg', ['-v', 'error', '-y', '-f', 'lavfi', '-i', 'color=c=0x808080:s=512x600', '-frames:v', '1', path.join(dir, 'img3.jpg')]);
  copyFileSync(path.join(faces, 'grace_hopper.jpg'), path.join(dir, 'img5.jpg'));
  const job = await runJob(backend, 'recordings.import-images', { projectId: project.id, dir });
  expect(job.status, job.error ?? '').toBe('succeeded');
  recording = ((await backend.dispatch('recordings.list', { projectId: project.id })) as Recording[])[0]!;
});
afterAll(async () => backend.dispose());

describe('face detection', () => {
  test('proposes the face of a real portrait as a box in frame pixels, and saves nothing', async () => {
    const job = await runJob(backend, 'recordings.detect-face', { recordingId: recording.id, frame: 2 });
    expect(job.status, job.error ?? '').toBe('succeeded');
    const result = job.result as { faceBox: FaceBox | null; score: number | null; frame: number; detector: string };
    expect(result.frame).toBe(2);
    expect(result.detector).toMatch(/BlazeFace/);
    expect(result.score).toBeGreaterThan(0.5);
    // Where a person would draw it: around her face, below the cap (checked by eye on the image).
    expect(overlap(result.faceBox!, { x: 117, y: 90, width: 285, height: 284 })).toBeGreaterThan(0.7);
    expect(job.message).toMatch(/^Face found on frame 2/);
    const [again] = (await backend.dispatch('recordings.list', { projectId: recording.projectId })) as Recording[];
    expect(again?.faceBox).toBeNull();
  });

  test('says so when a frame shows no face', async () => {
    const job = await runJob(backend, 'recordings.detect-face', { recordingId: recording.id, frame: 3 });
    expect(job.status, job.error ?? '').toBe('succeeded');
    expect(job.result).toMatchObject({ faceBox: null, score: null });
    expect(job.message).toBe('No face found on frame 3');
  });

  test('a whole project: every recording without a box gets one, drawn boxes stay, faceless ones are named', async () => {
    const project = (await backend.dispatch('projects.create', { name: 'Batch', defaultFps: 50 })) as Project;
    const root = tempDir('mer-faces-batch-');
    const folder = (name: string, images: string[]) => {
      const dir = path.join(root, name);
      mkdirSync(dir, { recursive: true });
      images.forEach((image, i) => copyFileSync(image, path.join(dir, `img${i + 1}.jpg`)));
      return dir;
    };
    const portrait = path.join(faces, 'grace_hopper.jpg');
    const wall = path.join(root, 'wall.jpg');
    execFileSync('ffmpeg', ['-v', 'error', '-y', '-f', 'lavfi', '-i', 'color=c=0x808080:s=512x600', '-frames:v', '1', wall]);
    for (const [name, images] of [['first', [portrait, portrait]], ['drawn', [portrait, wall]], ['empty', [wall, wall]]] as const) {
      const job = await runJob(backend, 'recordings.import-images', { projectId: project.id, dir: folder(name, [...images]) });
      expect(job.status, job.error ?? '').toBe('succeeded');
    }
    const list = async () => (await backend.dispatch('recordings.list', { projectId: project.id })) as Recording[];
    const drawnBox = { x: 10, y: 20, width: 100, height: 120 };
    await backend.dispatch('recordings.setFaceBox', { id: (await list()).find((r) => r.name === 'drawn')!.id, faceBox: drawnBox });

    const job = await runJob(backend, 'recordings.detect-faces', { projectId: project.id });
    expect(job.status, job.error ?? '').toBe('succeeded');
    expect(job.result).toMatchObject({ detected: 1, noFace: ['empty'], kept: 1 });
    expect(job.message).toBe('Face boxes for 1 of 2 recordings; no face found in 1');
    const after = new Map((await list()).map((r) => [r.name, r.faceBox]));
    expect(overlap(after.get('first')!, { x: 117, y: 90, width: 285, height: 284 })).toBeGreaterThan(0.7);
    expect(after.get('drawn')).toEqual(drawnBox);
    expect(after.get('empty')).toBeNull();
  });

  test('a frame outside the recording or without an image is refused by name', async () => {
    const outside = await runJob(backend, 'recordings.detect-face', { recordingId: recording.id, frame: 9 });
    expect(outside.status).toBe('failed');
    expect(outside.error).toContain('Frame 9 is outside session (frames 1–5)');
    const missing = await runJob(backend, 'recordings.detect-face', { recordingId: recording.id, frame: 4 });
    expect(missing.status).toBe('failed');
    expect(missing.error).toContain('Frame 4 of session has no image');
  });
});
