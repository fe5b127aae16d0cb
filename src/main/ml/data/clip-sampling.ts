/**
 * Which frames of an event make a clip of T frames (MODEL.md, "Input"). Pure: frame numbers in,
 * frame numbers out.
 */
import type { Rng } from '../../../shared/domain/random';

export type ClipRange = 'onset-offset' | 'onset-apex';

export interface EventFrames {
  onset: number;
  /** null: the apex is missing. */
  apex: number | null;
  offset: number;
}

/** One frame of the clip: (1 − weight) · frame + weight · nextFrame (weight 0: the frame itself). */
export interface FramePick {
  frame: number;
  nextFrame: number;
  weight: number;
}

export interface SamplingOptions {
  /** T, the clip length. */
  length: number;
  /** Default onset..offset. */
  range?: ClipRange | undefined;
  /**
   * TIM-style linear interpolation: when the range has fewer than T frames, fractional positions
   * blend their two neighbours instead of repeating the nearest frame.
   */
  interpolate?: boolean | undefined;
  /** Jittered sampling (training augmentation): each position moves uniformly within ± half a step. */
  jitter?: Rng | undefined;
  /** Frame numbers that have no image; a pick that lands on one takes the nearest frame that has. */
  missingFrames?: readonly number[] | undefined;
}

export interface ClipPlan {
  picks: FramePick[];
  /** The frames sampled over, both included. */
  from: number;
  to: number;
  /** The range actually used. */
  range: ClipRange;
  /** Why the range differs from the one asked for (the apex is missing), else null. */
  note: string | null;
}

/** Positions this close to a whole frame count as that frame (float error of i · step). */
const snap = 1e-9;

export class SamplingError extends Error {
  override readonly name = 'SamplingError';
}

function chooseRange(event: EventFrames, wanted: ClipRange): { from: number; to: number; range: ClipRange; note: string | null } {
  if (event.offset < event.onset) throw new SamplingError(`the offset (${event.offset}) comes before the onset (${event.onset})`);
  if (wanted === 'onset-apex') {
    if (event.apex !== null) return { from: event.onset, to: event.apex, range: wanted, note: null };
    return { from: event.onset, to: event.offset, range: 'onset-offset', note: 'apex missing: sampled onset..offset instead of onset..apex' };
  }
  return { from: event.onset, to: event.offset, range: wanted, note: null };
}

/** T evenly spaced positions over from..to, both ends included (one position: the middle). */
export function uniformPositions(from: number, to: number, length: number, jitter?: Rng): number[] {
  if (!Number.isInteger(length) || length < 1) throw new SamplingError(`a clip needs a whole number of frames of at least 1, not ${length}`);
  const step = length === 1 ? to - from : (to - from) / (length - 1);
  const start = length === 1 ? (from + to) / 2 : from;
  return Array.from({ length }, (_, i) => {
    const centre = start + i * step;
    if (!jitter) return centre;
    // Within ± half a step, positions cannot cross: the order of frames is kept.
    return Math.min(to, Math.max(from, centre + (jitter.next() - 0.5) * step));
  });
}

/** The present frame nearest to n within from..to (the earlier one on a tie). */
function nearestPresent(n: number, from: number, to: number, missing: ReadonlySet<number>): number {
  for (let d = 0; n - d >= from || n + d <= to; d++) {
    if (n - d >= from && !missing.has(n - d)) return n - d;
    if (n + d <= to && !missing.has(n + d)) return n + d;
  }
  throw new SamplingError(`no frame of ${from}..${to} has an image`);
}

/** The clip's frames for an event: uniform with rounding to the nearest frame, or interpolated, or jittered. */
export function sampleClip(event: EventFrames, options: SamplingOptions): ClipPlan {
  const { from, to, range, note } = chooseRange(event, options.range ?? 'onset-offset');
  const blend = (options.interpolate ?? false) && to - from + 1 < options.length;
  const missing = new Set(options.missingFrames ?? []);
  const present = (n: number) => (missing.has(n) ? nearestPresent(n, from, to, missing) : n);
  const picks = uniformPositions(from, to, options.length, options.jitter).map((p): FramePick => {
    const whole = Math.round(p);
    if (!blend || Math.abs(p - whole) < snap) return { frame: present(whole), nextFrame: present(whole), weight: 0 };
    const frame = Math.floor(p);
    return { frame: present(frame), nextFrame: present(frame + 1), weight: p - frame };
  });
  return { picks, from, to, range, note };
}

/** The distinct frames a plan reads, ascending. */
export function framesOfPlan(plan: ClipPlan): number[] {
  const frames = new Set<number>();
  for (const p of plan.picks) {
    frames.add(p.frame);
    if (p.weight > 0) frames.add(p.nextFrame);
  }
  return [...frames].sort((a, b) => a - b);
}

/** Every frame of the plan's range that has an image: all a jittered plan can ever pick. */
export function framesOfRange(plan: Pick<ClipPlan, 'from' | 'to'>, missingFrames: readonly number[] = []): number[] {
  const missing = new Set(missingFrames);
  const frames: number[] = [];
  for (let n = plan.from; n <= plan.to; n++) if (!missing.has(n)) frames.push(n);
  return frames;
}
