/**
 * A training sample (an event as `collectSamples` gives it, the same as the split export, with its
 * class index) and the clip settings that say which of its frames a clip needs.
 */
import type { Rng } from '../../../shared/domain/random';
import type { ExportSample } from '../../core/exports/samples';
import type { ClipFrames } from './clip-cache';
import { framesOfPlan, framesOfRange, sampleClip, type ClipPlan, type ClipRange } from './clip-sampling';

export interface ClipSample extends ExportSample {
  /** Index of `label` in the class list. */
  classIndex: number;
}

export interface ClipSettings {
  /** T. */
  frames: number;
  /** Side of the square input of each branch: MENet (motion) and IDNet (identity). */
  sizes: { me: number; id: number };
  range: ClipRange;
  interpolate: boolean;
}

export function planClip(sample: Pick<ExportSample, 'event' | 'recording'>, settings: ClipSettings, jitter?: Rng): ClipPlan {
  return sampleClip(sample.event, {
    length: settings.frames,
    range: settings.range,
    interpolate: settings.interpolate,
    jitter,
    missingFrames: sample.recording.missingFrames,
  });
}

/**
 * The cache entry a sample reads from: with jittered sampling every frame of its range (so each
 * epoch's draw is served without decoding again), else just the frames of its fixed clip.
 */
export function cachedFramesOf(sample: Pick<ExportSample, 'event' | 'recording'>, settings: ClipSettings, jittered: boolean): ClipFrames {
  const plan = planClip(sample, settings);
  const frames = jittered ? framesOfRange(plan, sample.recording.missingFrames) : framesOfPlan(plan);
  return { recording: sample.recording, eventId: sample.event.id, frames };
}
