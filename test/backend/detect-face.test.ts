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
  [recording] = (await backend.dispatch('recordings.list', { projectId: project.id })) as Recording[];
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

  test('a frame outside the recording or without an image is refused by name', async () => {
    const outside = await runJob(backend, 'recordings.detect-face', { recordingId: recording.id, frame: 9 });
    expect(outside.status).toBe('failed');
    expect(outside.error).toContain('Frame 9 is outside session (frames 1–5)');
    const missing = await runJob(backend, 'recordings.detect-face', { recordingId: recording.id, frame: 4 });
    expect(missing.status).toBe('failed');
    expect(missing.error).toContain('Frame 4 of session has no image');
  });
});
