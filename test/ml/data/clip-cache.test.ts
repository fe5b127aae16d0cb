import { readdirSync, renameSync, statSync, truncateSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Recording } from '../../../src/shared/api/recordings';
import { requireTools } from '../../../src/main/core/media/tools';
import { clipKey, createClipCache, MissingFrameError, type ClipFrames } from '../../../src/main/ml/data/clip-cache';
import { expectedFrame, leftColumnsOf, makeClipProject, type ClipProject } from './clip-project';

let lab: ClipProject;
const tools = requireTools();
const never = new AbortController().signal;

beforeAll(() => {
  lab = makeClipProject();
});
afterAll(() => lab?.dispose());

const cacheFor = () => createClipCache({ dataDir: lab.dataDir, mediaRoot: lab.mediaRoot, tools });
const clip = (r: number, frames: number[], recording: Recording = lab.recordings[r]!): ClipFrames => ({ recording, eventId: lab.events[2 * r]!.id, frames });
const rgbFiles = (dir: string) => readdirSync(dir).filter((f) => f.endsWith('.rgb'));

test('a cached clip holds the listed frames cropped to the face box and resized, pixel for pixel', async () => {
  const cache = cacheFor();
  for (const r of [0, 1]) {
    const c = clip(r, [100, 103, 106]);
    await cache.ensure(c, [8, 4], never);
    // Read out of order and not all frames: each comes from its own place in the file.
    for (const size of [8, 4]) {
      const [late, early] = await cache.read(c, size, [106, 100]);
      expect(late).toEqual(expectedFrame(r, 106, size, leftColumnsOf(r, size)));
      expect(early).toEqual(expectedFrame(r, 100, size, leftColumnsOf(r, size)));
    }
  }
});

test('the second request is a hit; another size, crop, frame list or content is another entry', async () => {
  const cache = cacheFor();
  const before = rgbFiles(cache.dir).length;
  const c = clip(2, [101, 104, 107, 110]);
  await cache.ensure(c, [8, 4], never);
  expect(cache.stats).toEqual({ hits: 0, misses: 2 });
  await cache.ensure(c, [8, 4], never);
  expect(cache.stats).toEqual({ hits: 2, misses: 2 });
  expect(rgbFiles(cache.dir)).toHaveLength(before + 2);

  await cache.ensure(c, [8, 6], never);
  expect(cache.stats).toEqual({ hits: 3, misses: 3 });

  // The user moves the face box: the old entry is not reused, and the pixels follow the new box.
  const moved = lab.setFaceBox(lab.recordings[2]!.id, { x: 12, y: 0, width: 16, height: 24 });
  const recropped = clip(2, [101, 104, 107, 110], moved);
  expect(clipKey(recropped, 8)).not.toBe(clipKey(c, 8));
  await cache.ensure(recropped, [8], never);
  expect(cache.stats).toEqual({ hits: 3, misses: 4 });
  // Recording 2 now has the same crop as recording 1: a quarter of the columns are the left half.
  expect((await cache.read(recropped, 8, [104]))[0]).toEqual(expectedFrame(2, 104, 8, 2));
  lab.setFaceBox(moved.id, null);

  expect(clipKey(clip(2, [101, 104]), 8)).not.toBe(clipKey(c, 8));
  expect(clipKey({ ...c, recording: { ...c.recording, contentHash: 'other' } }, 8)).not.toBe(clipKey(c, 8));
  expect(clipKey({ ...c, recording: { ...c.recording, mediaPath: 'recordings/other' } }, 8)).not.toBe(clipKey(c, 8));
});

test('a truncated entry is rebuilt, and only stale temporary files are swept', async () => {
  const cache = cacheFor();
  const c = clip(0, [102, 105]);
  await cache.ensure(c, [8], never);
  const file = cache.fileOf(c, 8);
  truncateSync(file, 10);
  await cache.ensure(c, [8], never);
  expect(statSync(file).size).toBe(2 * 8 * 8 * 3);
  expect((await cache.read(c, 8, [105]))[0]).toEqual(expectedFrame(0, 105, 8, 4));

  // What a crash mid-write leaves: a temporary file. One two hours old is swept, a fresh one is kept.
  const stale = `${file}.4242-deadbeef.tmp`;
  const fresh = `${file}.4343-cafebabe.tmp`;
  writeFileSync(stale, 'half');
  writeFileSync(fresh, 'half');
  const old = new Date(Date.now() - 2 * 3600_000);
  utimesSync(stale, old, old);
  cacheFor();
  expect(readdirSync(cache.dir).filter((f) => f.endsWith('.tmp'))).toEqual([path.basename(fresh)]);
});

test('a missing frame file is an error naming the recording, the event and the frame', async () => {
  const cache = cacheFor();
  const recording = lab.recordings[2]!;
  const frameFile = path.join(lab.mediaRoot, recording.mediaPath, 'frames', '104.png');
  renameSync(frameFile, `${frameFile}.away`);
  try {
    const c = clip(2, [100, 104]);
    const error = await cache.ensure(c, [8], never).then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(MissingFrameError);
    expect((error as Error).message).toBe(`Recording "rec-s3" (id ${recording.id}), event ${c.eventId}: frame 104 has no image file (${frameFile})`);
    expect(rgbFiles(cache.dir).includes(path.basename(cache.fileOf(c, 8)))).toBe(false);
  } finally {
    renameSync(`${frameFile}.away`, frameFile);
  }
});
