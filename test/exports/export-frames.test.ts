/**
 * Frames in a split export, cropped to the face box and resized, or copied as they are. The
 * recordings (test/ml/data/clip-project.ts) have a left and a right half of flat colours that
 * name the recording and the frame, so a pixel of an exported image says where it came from.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, expect, test } from 'vitest';
import type { FaceBox } from '../../src/shared/api/recordings';
import { jobKinds } from '../../src/shared/api/jobs';
import { exportCommand } from '../../src/main/cli/export-command';
import { exportSplit, type ExportParams } from '../../src/main/core/exports/export-split';
import type { JobContext } from '../../src/main/core/jobs/worker/context';
import { tempDir } from '../helpers/backend';
import { mer } from '../helpers/cli';
import type { Rgb } from '../helpers/rgb-images';
import { leftColour, makeClipProject, rightColour, type ClipProject } from '../ml/data/clip-project';

/** Inside the right half (x 16..31) of the 32x24 frames: a crop to it holds one colour only. */
const rightHalfBox: FaceBox = { x: 18, y: 4, width: 12, height: 16 };
/** rec-s2 is the only recording with a face box. */
const boxed = 'rec-s2';

interface Manifest {
  frameOptions: { crop: boolean; size: number | null; recordingsWithoutFaceBox: string[] } | null;
  samples: { recording: string; onset: number; offset: number; frames: string[] | null; frameSize: { width: number; height: number } | null; cropped: boolean | null }[];
}

let project: ClipProject;
const outRoot = tempDir('mer-export-frames-');
const never = new AbortController().signal;

beforeAll(() => {
  project = makeClipProject();
});
beforeEach(() => {
  project.setFaceBox(project.recordings.find((r) => r.name === boxed)!.id, rightHalfBox);
});
afterAll(() => project.dispose());

function run(params: Partial<ExportParams> & { out: string }, signal = never, report: JobContext['report'] = () => undefined) {
  const ctx: JobContext = {
    jobId: null, db: project.db, dataDir: project.dataDir, mediaRoot: project.mediaRoot, tools: {}, signal,
    progress: () => Promise.resolve(), report,
  };
  return exportSplit(ctx, { projectId: project.projectId, protocol: 'loso', copyFrames: true, ...params });
}

const manifestOf = (out: string) => JSON.parse(readFileSync(path.join(out, 'manifest.json'), 'utf8')) as Manifest;
/** The colours' row index in clip-project: rec-s1 is 0. */
const recordingIndex = (name: string) => Number(name.slice('rec-s'.length)) - 1;
const frameNumber = (file: string) => Number(/img(\d+)\.\w+$/.exec(file)![1]);
const partials = () => readdirSync(outRoot).filter((f) => f.includes('.partial-'));

interface Image {
  width: number;
  height: number;
  pixel(x: number, y: number): number[];
}

/**
 * Images `img<first>.jpg`… of a folder, read independently of the app: each one's size
 * (ffprobe) and rgb24 pixels (ffmpeg), one process each for the whole sequence.
 */
function readSequence(dir: string, first: number, count: number): Image[] {
  const input = ['-f', 'image2', '-start_number', String(first), '-i', path.join(dir, 'img%d.jpg')];
  const sizes = execFileSync('ffprobe', ['-v', 'error', ...input, '-read_intervals', `%+#${count}`, '-show_entries', 'frame=width,height', '-of', 'csv=p=0'], { encoding: 'utf8' }).trim().split('\n');
  expect(sizes).toHaveLength(count);
  expect(new Set(sizes).size, `one size for all of ${dir}`).toBe(1);
  const [width, height] = sizes[0]!.split(',').map(Number) as [number, number];
  const raw = execFileSync('ffmpeg', ['-v', 'error', ...input, '-frames:v', String(count), '-f', 'rawvideo', '-pix_fmt', 'rgb24', 'pipe:1']);
  const bytes = width * height * 3;
  return Array.from({ length: count }, (_, f) => ({ width, height, pixel: (x, y) => [...raw.subarray(f * bytes + (y * width + x) * 3, f * bytes + (y * width + x) * 3 + 3)] }));
}

const readImage = (file: string): Image => readSequence(path.dirname(file), frameNumber(file), 1)[0]!;

/** JPEG keeps a flat colour within a few levels; frames differ by 10 in green, halves by far more. */
function expectColour(actual: readonly number[], expected: Rgb, where: string): void {
  expect(Math.max(...actual.map((c, i) => Math.abs(c - expected[i]!))), `${where}: ${actual.join(',')} against ${expected.join(',')}`).toBeLessThanOrEqual(4);
}

test('cropped and resized: every frame is S x S and comes from inside the face box; a recording without a box is resized whole', async () => {
  const out = path.join(outRoot, 'crop-16');
  const result = await run({ frameCrop: true, frameSize: 16, out });
  expect(result.frames).toBe(6 * 7);
  const manifest = manifestOf(out);
  expect(manifest.frameOptions).toEqual({ crop: true, size: 16, recordingsWithoutFaceBox: ['rec-s1', 'rec-s3'] });
  expect(manifest.samples).toHaveLength(6);
  for (const sample of manifest.samples) {
    const r = recordingIndex(sample.recording);
    expect(sample).toMatchObject({ frameSize: { width: 16, height: 16 }, cropped: sample.recording === boxed });
    expect(sample.frames!.map(frameNumber)).toEqual(Array.from({ length: sample.offset - sample.onset + 1 }, (_, i) => sample.onset + i));
    const images = readSequence(path.join(out, path.dirname(sample.frames![0]!)), sample.onset, sample.frames!.length);
    for (const [i, file] of sample.frames!.entries()) {
      expect(file).toMatch(/\.jpg$/);
      const n = frameNumber(file);
      const image = images[i]!;
      expect([image.width, image.height]).toEqual([16, 16]);
      if (sample.recording === boxed) {
        // Nothing of the left half, which lies outside the box; corners and centre alike.
        for (const [x, y] of [[0, 0], [15, 0], [8, 8], [0, 15], [15, 15]] as const) expectColour(image.pixel(x, y), rightColour(r, n), `${file} (${x}, ${y})`);
      } else {
        expectColour(image.pixel(2, 8), leftColour(r, n), `${file} left`);
        expectColour(image.pixel(13, 8), rightColour(r, n), `${file} right`);
      }
    }
  }
  expect(partials()).toEqual([]);
});

test('without crop or size the frames are byte-identical copies of the stored frames, as before', async () => {
  const out = path.join(outRoot, 'plain');
  await run({ out });
  const manifest = manifestOf(out);
  expect(manifest.frameOptions).toEqual({ crop: false, size: null, recordingsWithoutFaceBox: [] });
  for (const sample of manifest.samples) {
    const recording = project.recordings.find((r) => r.name === sample.recording)!;
    expect(sample).toMatchObject({ frameSize: { width: 32, height: 24 }, cropped: false });
    for (const file of sample.frames!) {
      expect(file).toMatch(/\.png$/);
      const stored = path.join(project.mediaRoot, recording.mediaPath, 'frames', `${frameNumber(file)}.png`);
      expect(readFileSync(path.join(out, file)).equals(readFileSync(stored)), file).toBe(true);
    }
  }
});

test('cropping without resizing keeps the box size; a recording without a box is still a byte-for-byte copy', async () => {
  const out = path.join(outRoot, 'crop-only');
  await run({ frameCrop: true, out });
  for (const sample of manifestOf(out).samples) {
    const recording = project.recordings.find((r) => r.name === sample.recording)!;
    const file = sample.frames![0]!;
    if (sample.recording === boxed) {
      expect(sample).toMatchObject({ frameSize: { width: 12, height: 16 }, cropped: true });
      const image = readImage(path.join(out, file));
      expect([image.width, image.height]).toEqual([12, 16]);
      expectColour(image.pixel(0, 0), rightColour(1, frameNumber(file)), file);
    } else {
      expect(sample).toMatchObject({ frameSize: { width: 32, height: 24 }, cropped: false });
      expect(readFileSync(path.join(out, file)).equals(readFileSync(path.join(project.mediaRoot, recording.mediaPath, 'frames', `${frameNumber(file)}.png`)))).toBe(true);
    }
  }
});

test('a frame size out of range, or crop and size without copied frames, is refused naming the field', async () => {
  const params = jobKinds['datasets.export'].params;
  const base = { projectId: 1, protocol: 'loso', out: '/tmp/x', copyFrames: true };
  for (const frameSize of [8, 4096, 22.5]) {
    const parsed = params.safeParse({ ...base, frameSize });
    expect(parsed.error?.issues.map((i) => i.path.join('.'))).toEqual(['frameSize']);
  }
  expect(params.safeParse({ ...base, frameSize: 8 }).error?.issues[0]?.message).toBe('must be 16 to 2048 pixels');
  expect(params.safeParse({ ...base, frameSize: 224, frameCrop: true }).success).toBe(true);
  expect(params.safeParse({ ...base, frameSize: null }).success).toBe(true);
  expect(params.safeParse({ ...base, copyFrames: false, frameCrop: true }).error?.issues.map((i) => i.path.join('.'))).toEqual(['frameCrop']);
  // The command line says the same, in its own words, before anything runs.
  const session = { db: project.db, dataDir: project.dataDir, close: () => undefined };
  const args = { project: 'Lab', protocol: 'loso', folds: undefined, seed: undefined, mapping: undefined, out: path.join(outRoot, 'cli-bad'), frames: true, crop: false, size: '8' };
  await expect(exportCommand(session, args, never, () => undefined)).rejects.toThrow('Bad export options: frameSize: must be 16 to 2048 pixels');
  await expect(exportCommand(session, { ...args, frames: false, crop: true, size: undefined }, never, () => undefined)).rejects.toThrow('--crop and --size apply to copied frames: add --frames');
  expect(existsSync(path.join(outRoot, 'cli-bad'))).toBe(false);
});

test('a cancel while frames are written leaves no export and no partial folder', async () => {
  const out = path.join(outRoot, 'cancelled');
  const stop = new AbortController();
  const messages: string[] = [];
  const report: JobContext['report'] = (_fraction, message) => {
    messages.push(message);
    if (message.includes('sample 3 of 6')) stop.abort();
  };
  await expect(run({ frameCrop: true, frameSize: 16, out }, stop.signal, report)).rejects.toMatchObject({ name: 'JobCancelled' });
  // Progress is reported for every sample, saying what is done to its frames.
  expect(messages.filter((m) => m.startsWith('Cropping and resizing frames of sample'))).toEqual(['1', '2', '3'].map((n) => `Cropping and resizing frames of sample ${n} of 6`));
  expect(existsSync(out)).toBe(false);
  expect(partials()).toEqual([]);
});

test('a face box reaching outside the frame is refused before anything is written, naming the recording', async () => {
  const out = path.join(outRoot, 'bad-box');
  // Boxes are checked when drawn; one stored otherwise would be shifted inside by ffmpeg's crop.
  project.setFaceBox(project.recordings.find((r) => r.name === boxed)!.id, { x: 24, y: 0, width: 16, height: 24 });
  await expect(run({ frameCrop: true, out })).rejects.toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('The face box of "rec-s2" (16x24 at (24, 0) in 32x24) reaches outside the frame') });
  expect(existsSync(out)).toBe(false);
  expect(partials()).toEqual([]);
});

test('a frame ffmpeg cannot read fails naming the recording, and leaves nothing behind', async () => {
  const out = path.join(outRoot, 'bad-frame');
  const recording = project.recordings.find((r) => r.name === boxed)!;
  const frame = path.join(project.mediaRoot, recording.mediaPath, 'frames', '103.png');
  const good = readFileSync(frame);
  writeFileSync(frame, 'not a picture');
  try {
    await expect(run({ frameCrop: true, frameSize: 16, out })).rejects.toThrow(/^Recording "rec-s2", event \d+: Could not write the frames: /);
  } finally {
    writeFileSync(frame, good);
  }
  expect(existsSync(out)).toBe(false);
  expect(partials()).toEqual([]);
});

test('npm run mer -- export --frames --crop --size N writes cropped, resized frames', () => {
  const out = path.join(outRoot, 'cli');
  const cli = mer(['export', '--data-dir', project.dataDir, '--project', 'Lab', '--protocol', 'loso', '--frames', '--crop', '--size', '16', '--out', out]);
  expect(cli.status, cli.stderr).toBe(0);
  expect(cli.json()).toEqual({ folds: 3, samples: 6, subjects: 3, leaks: 0 });
  const manifest = manifestOf(out);
  expect(manifest.frameOptions).toMatchObject({ crop: true, size: 16 });
  const sample = manifest.samples.find((s) => s.recording === boxed)!;
  expect(sample).toMatchObject({ cropped: true, frameSize: { width: 16, height: 16 } });
  expect(readImage(path.join(out, sample.frames![0]!)).width).toBe(16);
});
