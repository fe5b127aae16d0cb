/**
 * The long preprocessing before a fold trains: every clip of the fold into the cache, and the
 * per-channel mean and std of the training clips (returned, so evaluation normalises the same way).
 * Cancellable between clips (and inside ffmpeg); reports done/total clips.
 */
import { JobCancelled } from '../../core/jobs/worker/context';
import type { ClipCache } from './clip-cache';
import { ChannelMoments, scaledFrame, type ChannelStats } from './clip-pixels';
import { framesOfPlan } from './clip-sampling';
import { cachedFramesOf, planClip, type ClipSample, type ClipSettings } from './clip-samples';

/** Per-branch channel statistics of a fold's training clips. */
export interface Normalisation {
  me: ChannelStats;
  id: ChannelStats;
}

export interface PrepareOptions {
  cache: ClipCache;
  settings: ClipSettings;
  /** The fold's training samples: cached for training and measured for the normalisation. */
  train: readonly ClipSample[];
  /** Validation and test samples: cached as fixed clips. */
  evaluation: readonly ClipSample[];
  /** Training uses jittered sampling (then a training sample caches its whole range). */
  jitter: boolean;
  signal: AbortSignal;
  onProgress?: (done: number, total: number) => void;
}

export async function prepareClips(o: PrepareOptions): Promise<{ normalisation: Normalisation }> {
  if (o.train.length === 0) throw new Error('a fold needs training samples');
  const sizes = [o.settings.sizes.me, o.settings.sizes.id];
  const moments = { me: new ChannelMoments(), id: new ChannelMoments() };
  const total = o.train.length + o.evaluation.length;
  let done = 0;
  const step = async (sample: ClipSample, training: boolean) => {
    if (o.signal.aborted) throw new JobCancelled();
    const entry = cachedFramesOf(sample, o.settings, training && o.jitter);
    await o.cache.ensure(entry, sizes, o.signal);
    if (training) {
      // Statistics of the fixed (unaugmented) clip: what evaluation will see.
      const plan = planClip(sample, o.settings);
      const wanted = framesOfPlan(plan);
      for (const branch of ['me', 'id'] as const) {
        const frames = await o.cache.read(entry, o.settings.sizes[branch], wanted);
        const byNumber = new Map(wanted.map((n, i) => [n, frames[i]!]));
        for (const pick of plan.picks) moments[branch].add(scaledFrame(pick, (n) => byNumber.get(n)!));
      }
    }
    o.onProgress?.(++done, total);
  };
  for (const sample of o.train) await step(sample, true);
  for (const sample of o.evaluation) await step(sample, false);
  return { normalisation: { me: moments.me.stats(), id: moments.id.stats() } };
}
