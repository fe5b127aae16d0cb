/**
 * Batches of clips for the two branches, built on demand from the clip cache: never the whole
 * dataset in memory, at most `prefetch` batches built ahead of the one handed out. Training order
 * and augmentation are functions of (seed, epoch, sample), so a resumed run repeats them exactly.
 */
import * as tf from '@tensorflow/tfjs-core';
import { deriveSeed, makeRng } from '../../../shared/domain/random';
import { JobCancelled } from '../../core/jobs/worker/context';
import type { ClipCache } from './clip-cache';
import { scaledFrame, writeNormalised } from './clip-pixels';
import { framesOfPlan } from './clip-sampling';
import { cachedFramesOf, planClip, type ClipSample, type ClipSettings } from './clip-samples';
import type { Normalisation } from './prepare';

export interface Batch {
  /** MENet input [N, T, S1, S1, 3], normalised. */
  me: tf.Tensor5D;
  /** IDNet input [N, T, S2, S2, 3], the same clips, normalised. */
  id: tf.Tensor5D;
  /** Class index of each sample. */
  emotion: Int32Array;
  /** Index among the training subjects, −1 for a subject not among them (a test subject). */
  subject: Int32Array;
  sampleIds: number[];
}

export interface Augmentation {
  /** Mirror left-right with probability 0.5. */
  flip: boolean;
  /** Jittered uniform sampling (the cache must hold whole ranges: prepare with jitter too). */
  jitter: boolean;
}

export interface BatchOptions {
  cache: ClipCache;
  samples: readonly ClipSample[];
  settings: ClipSettings;
  normalisation: Normalisation;
  /** The fold's training subjects, in identity-class order. */
  subjects: readonly string[];
  batchSize: number;
  /** 'train': shuffled per epoch and augmented; 'eval': in the given order, unaugmented. */
  mode: 'train' | 'eval';
  seed: number;
  epoch: number;
  /** Training only; default both on. */
  augmentation?: Augmentation | undefined;
  /** Batches built ahead of the one handed out (default 2). */
  prefetch?: number | undefined;
  signal?: AbortSignal | undefined;
}

/** The order of the samples (indices) in an epoch: a function of (seed, epoch) alone. */
export function epochOrder(count: number, seed: number, epoch: number): number[] {
  return makeRng(deriveSeed(deriveSeed(seed, 'shuffle'), epoch)).shuffle(Array.from({ length: count }, (_, i) => i));
}

interface BatchData {
  me: Float32Array;
  id: Float32Array;
  emotion: Int32Array;
  subject: Int32Array;
  sampleIds: number[];
}

async function buildBatch(group: readonly ClipSample[], o: BatchOptions, signal: AbortSignal): Promise<BatchData> {
  const { settings } = o;
  const T = settings.frames;
  const augment = o.mode === 'train' ? (o.augmentation ?? { flip: true, jitter: true }) : { flip: false, jitter: false };
  const subjectIndex = new Map(o.subjects.map((s, i) => [s, i]));
  const data: BatchData = {
    me: new Float32Array(group.length * T * settings.sizes.me ** 2 * 3),
    id: new Float32Array(group.length * T * settings.sizes.id ** 2 * 3),
    emotion: Int32Array.from(group, (s) => s.classIndex),
    subject: Int32Array.from(group, (s) => subjectIndex.get(s.subject) ?? -1),
    sampleIds: group.map((s) => s.id),
  };
  for (const [i, sample] of group.entries()) {
    if (signal.aborted) throw new JobCancelled();
    // One stream per (seed, epoch, sample): the same augmentation whatever the batching.
    const rng = makeRng(deriveSeed(deriveSeed(o.seed, `augment/${o.epoch}`), sample.id));
    const plan = planClip(sample, settings, augment.jitter ? rng : undefined);
    const flip = augment.flip && rng.chance(0.5);
    const entry = cachedFramesOf(sample, settings, augment.jitter);
    await o.cache.ensure(entry, [settings.sizes.me, settings.sizes.id], signal);
    const wanted = framesOfPlan(plan);
    for (const branch of ['me', 'id'] as const) {
      const size = settings.sizes[branch];
      const frames = await o.cache.read(entry, size, wanted);
      const byNumber = new Map(wanted.map((n, k) => [n, frames[k]!]));
      plan.picks.forEach((pick, t) => {
        const offset = (i * T + t) * size * size * 3;
        writeNormalised(data[branch], offset, scaledFrame(pick, (n) => byNumber.get(n)!), size, o.normalisation[branch], flip);
      });
    }
  }
  return data;
}

/** The epoch's batches; the caller disposes each batch's tensors. */
export async function* batches(o: BatchOptions): AsyncGenerator<Batch, void, undefined> {
  if (!Number.isInteger(o.batchSize) || o.batchSize < 1) throw new RangeError(`the batch size must be a whole number of at least 1, not ${o.batchSize}`);
  const prefetch = o.prefetch ?? 2;
  const order = o.mode === 'train' ? epochOrder(o.samples.length, o.seed, o.epoch) : o.samples.map((_, i) => i);
  const groups: ClipSample[][] = [];
  for (let start = 0; start < order.length; start += o.batchSize) groups.push(order.slice(start, start + o.batchSize).map((i) => o.samples[i]!));
  // Stops builds still running when the consumer leaves early.
  const stop = new AbortController();
  const signal = o.signal ? AbortSignal.any([o.signal, stop.signal]) : stop.signal;
  const pending: Promise<BatchData>[] = [];
  let next = 0;
  const fill = (count: number) => {
    while (pending.length < count && next < groups.length) {
      const build = buildBatch(groups[next++]!, o, signal);
      // Handled when awaited; this only keeps a failure ahead of its turn from being "unhandled".
      build.catch(() => undefined);
      pending.push(build);
    }
  };
  try {
    for (;;) {
      fill(1 + prefetch);
      if (pending.length === 0) break;
      const data = await pending.shift()!;
      const n = data.sampleIds.length;
      const T = o.settings.frames;
      const { me, id } = o.settings.sizes;
      yield {
        me: tf.tensor5d(data.me, [n, T, me, me, 3]),
        id: tf.tensor5d(data.id, [n, T, id, id, 3]),
        emotion: data.emotion,
        subject: data.subject,
        sampleIds: data.sampleIds,
      };
    }
  } finally {
    stop.abort();
  }
}
