import '@tensorflow/tfjs-backend-cpu';
import * as tf from '@tensorflow/tfjs-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { JobCancelled } from '../../../src/main/core/jobs/worker/context';
import { requireTools } from '../../../src/main/core/media/tools';
import { batches, epochOrder, type Batch, type BatchOptions } from '../../../src/main/ml/data/batches';
import { createClipCache, type ClipCache } from '../../../src/main/ml/data/clip-cache';
import type { ChannelStats } from '../../../src/main/ml/data/clip-pixels';
import type { ClipSample, ClipSettings } from '../../../src/main/ml/data/clip-samples';
import { prepareClips, type Normalisation } from '../../../src/main/ml/data/prepare';
import { expectedFrame, firstFrame, leftColumnsOf, makeClipProject, type ClipProject } from './clip-project';

const never = new AbortController().signal;
const settings: ClipSettings = { frames: 4, sizes: { me: 8, id: 4 }, range: 'onset-offset', interpolate: false };
const classes = ['happiness', 'surprise'];
let lab: ClipProject;
let cache: ClipCache;
let samples: ClipSample[];
let train: ClipSample[];
let test_: ClipSample[];
let normalisation: Normalisation;

beforeAll(async () => {
  await tf.setBackend('cpu');
  lab = makeClipProject();
  cache = createClipCache({ dataDir: lab.dataDir, mediaRoot: lab.mediaRoot, tools: requireTools() });
  samples = lab.samples().map((s) => ({ ...s, classIndex: classes.indexOf(s.label) }));
  // Subjects s1 and s2 train, s3 is the test subject.
  train = samples.filter((s) => s.subject !== 'Lab/s3');
  test_ = samples.filter((s) => s.subject === 'Lab/s3');
  ({ normalisation } = await prepareClips({ cache, settings, train, evaluation: test_, jitter: true, signal: never }));
});
afterAll(() => lab?.dispose());

/** The recording index (0..2) of a sample, from its subject "Lab/s<r+1>". */
const recordingOf = (s: ClipSample) => Number(s.subject.slice('Lab/s'.length)) - 1;
/** The uniform clip of an event of 7 frames with T = 4: every second frame. */
const fixedFrames = (s: ClipSample) => [0, 2, 4, 6].map((k) => s.event.onset + k);

const options = (o: Partial<BatchOptions>): BatchOptions => ({
  cache, samples: train, settings, normalisation, subjects: ['Lab/s1', 'Lab/s2'], batchSize: 2, mode: 'eval', seed: 7, epoch: 0, ...o,
});

async function collect(o: BatchOptions): Promise<{ ids: number[]; me: Float32Array[]; subject: number[]; emotion: number[] }> {
  const out = { ids: [] as number[], me: [] as Float32Array[], subject: [] as number[], emotion: [] as number[] };
  for await (const batch of batches(o)) {
    const clipLength = settings.frames * settings.sizes.me ** 2 * 3;
    const data = batch.me.dataSync() as Float32Array;
    batch.sampleIds.forEach((id, i) => {
      out.ids.push(id);
      out.me.push(data.slice(i * clipLength, (i + 1) * clipLength));
    });
    out.subject.push(...batch.subject);
    out.emotion.push(...batch.emotion);
    tf.dispose([batch.me, batch.id]);
  }
  return out;
}

/** Per-channel population mean and std of uint8 frames, scaled to [0,1]. */
function statsOf(frames: Uint8Array[]): ChannelStats {
  const values = [0, 1, 2].map((c) => frames.flatMap((f) => [...f.filter((_, i) => i % 3 === c)].map((v) => v / 255)));
  const mean = values.map((v) => v.reduce((s, x) => s + x, 0) / v.length);
  const std = values.map((v, c) => Math.sqrt(v.reduce((s, x) => s + (x - mean[c]!) ** 2, 0) / v.length));
  return { mean: mean as ChannelStats['mean'], std: std as ChannelStats['std'] };
}

/** The frame number a normalised MENet pixel of the left half shows (its green channel counts frames). */
function frameShown(clip: Float32Array, t: number): number {
  const size = settings.sizes.me;
  const green = clip[t * size * size * 3 + 1]! * normalisation.me.std[1] + normalisation.me.mean[1];
  return firstFrame + Math.round((green * 255) / 10);
}

describe('normalisation and pixels', () => {
  test('mean and std per channel are those of the training clips, for each branch', () => {
    for (const branch of ['me', 'id'] as const) {
      const size = settings.sizes[branch];
      const frames = train.flatMap((s) => fixedFrames(s).map((n) => expectedFrame(recordingOf(s), n, size, leftColumnsOf(recordingOf(s), size))));
      const expected = statsOf(frames);
      normalisation[branch].mean.forEach((m, c) => expect(m).toBeCloseTo(expected.mean[c]!, 6));
      normalisation[branch].std.forEach((s, c) => expect(s).toBeCloseTo(expected.std[c]!, 6));
    }
  });

  test('an evaluation batch holds the fixed clips, normalised with the training statistics, in the given order', async () => {
    const got: Batch[] = [];
    for await (const batch of batches(options({ samples: test_ }))) got.push(batch);
    expect(got).toHaveLength(1);
    const [batch] = got;
    expect(batch!.me.shape).toEqual([2, 4, 8, 8, 3]);
    expect(batch!.id.shape).toEqual([2, 4, 4, 4, 3]);
    expect(batch!.sampleIds).toEqual(test_.map((s) => s.id));
    expect([...batch!.emotion]).toEqual([0, 1]);
    // s3 is not a training subject: the identity branch has no class for it.
    expect([...batch!.subject]).toEqual([-1, -1]);
    for (const branch of ['me', 'id'] as const) {
      const size = settings.sizes[branch];
      const { mean, std } = normalisation[branch];
      const expected = test_.flatMap((s) => fixedFrames(s).flatMap((n) => [...expectedFrame(recordingOf(s), n, size, leftColumnsOf(recordingOf(s), size))].map((v, i) => (v / 255 - mean[i % 3]!) / std[i % 3]!)));
      const actual = batch![branch].dataSync();
      expect(actual.length).toBe(expected.length);
      expected.forEach((v, i) => expect(actual[i]).toBeCloseTo(v, 5));
    }
    tf.dispose(got.flatMap((b) => [b.me, b.id]));
  });
});

describe('training order and augmentation', () => {
  test('the same (seed, epoch) gives the same order and the same pixels; other epochs shuffle differently', async () => {
    const a = await collect(options({ mode: 'train', epoch: 3 }));
    const b = await collect(options({ mode: 'train', epoch: 3 }));
    expect(b.ids).toEqual(a.ids);
    expect(b.me).toEqual(a.me);
    expect([...a.ids].sort()).toEqual(train.map((s) => s.id).sort());
    const orders = new Set([0, 1, 2, 3, 4, 5].map((epoch) => JSON.stringify(epochOrder(train.length, 7, epoch))));
    expect(orders.size).toBeGreaterThan(1);
    expect(epochOrder(train.length, 7, 3).map((i) => train[i]!.id)).toEqual(a.ids);
    // Training subjects get their index among the training subjects.
    expect(a.subject).toEqual(a.ids.map((id) => (samples.find((s) => s.id === id)!.subject === 'Lab/s1' ? 0 : 1)));
  });

  test('a flipped clip is the mirror image of the unflipped one; over epochs both occur', async () => {
    const plain = await collect(options({}));
    const size = settings.sizes.me;
    const mirror = (clip: Float32Array) => {
      const out = new Float32Array(clip.length);
      for (let p = 0; p < clip.length / 3; p++) {
        const x = p % size;
        const from = p - x + (size - 1 - x);
        out.set(clip.subarray(from * 3, from * 3 + 3), p * 3);
      }
      return out;
    };
    let flipped = 0;
    let kept = 0;
    for (const epoch of [0, 1, 2, 3]) {
      const run = await collect(options({ mode: 'train', epoch, augmentation: { flip: true, jitter: false } }));
      run.ids.forEach((id, i) => {
        const unflipped = plain.me[plain.ids.indexOf(id)]!;
        if (run.me[i]!.every((v, k) => v === unflipped[k])) kept++;
        else {
          expect(run.me[i]).toEqual(mirror(unflipped));
          flipped++;
        }
      });
    }
    expect(flipped).toBeGreaterThan(0);
    expect(kept).toBeGreaterThan(0);
  });

  test('jittered clips show frames of the event, in order, within half a step of the fixed ones', async () => {
    let moved = 0;
    for (const epoch of [0, 1, 2]) {
      const run = await collect(options({ mode: 'train', epoch, augmentation: { flip: false, jitter: true } }));
      run.ids.forEach((id, i) => {
        const sample = train.find((s) => s.id === id)!;
        const shown = [0, 1, 2, 3].map((t) => frameShown(run.me[i]!, t));
        shown.forEach((n, t) => {
          expect(Math.abs(n - fixedFrames(sample)[t]!)).toBeLessThanOrEqual(1);
          if (t > 0) expect(n).toBeGreaterThanOrEqual(shown[t - 1]!);
        });
        if (shown.some((n, t) => n !== fixedFrames(sample)[t])) moved++;
      });
    }
    expect(moved).toBeGreaterThan(0);
  });
});

describe('memory and laziness', () => {
  test('the iterator builds batches on demand: one batch of tensors alive, at most `prefetch` built ahead', async () => {
    const before = tf.memory().numTensors;
    const reads = () => cache.stats.hits + cache.stats.misses;
    const readsBefore = reads();
    const iterator = batches(options({ samples, batchSize: 1, prefetch: 1 }));
    const first = await iterator.next();
    expect(first.done).toBe(false);
    expect(tf.memory().numTensors - before).toBe(2);
    // The first batch and one ahead: 2 clips x 2 sizes of the 6 clips, not all of them.
    expect(reads() - readsBefore).toBeLessThanOrEqual(4);
    tf.dispose([first.value!.me, first.value!.id]);
    let count = 1;
    for await (const batch of { [Symbol.asyncIterator]: () => iterator }) {
      expect(tf.memory().numTensors - before).toBe(2);
      tf.dispose([batch.me, batch.id]);
      count++;
    }
    expect(count).toBe(samples.length);
    expect(tf.memory().numTensors).toBe(before);
  });

  test('leaving early stops the builds ahead and leaves no tensors behind', async () => {
    const before = tf.memory().numTensors;
    for await (const batch of batches(options({ samples, batchSize: 1, prefetch: 2 }))) {
      tf.dispose([batch.me, batch.id]);
      break;
    }
    expect(tf.memory().numTensors).toBe(before);
  });
});

describe('preprocessing', () => {
  test('reports done/total clips and stops with JobCancelled when cancelled', async () => {
    // New sizes: every clip is a cache miss, so ffmpeg runs.
    const fresh: ClipSettings = { ...settings, sizes: { me: 10, id: 5 } };
    const progress: [number, number][] = [];
    const stop = new AbortController();
    const cancelled = prepareClips({
      cache, settings: fresh, train, evaluation: test_, jitter: false, signal: stop.signal,
      onProgress: (done, total) => {
        progress.push([done, total]);
        if (done === 2) stop.abort();
      },
    });
    await expect(cancelled).rejects.toBeInstanceOf(JobCancelled);
    expect(progress).toEqual([[1, 6], [2, 6]]);

    progress.length = 0;
    await prepareClips({ cache, settings: fresh, train, evaluation: test_, jitter: false, signal: never, onProgress: (d, t) => progress.push([d, t]) });
    expect(progress.map(([d]) => d)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(progress.every(([, t]) => t === 6)).toBe(true);
  });
});
