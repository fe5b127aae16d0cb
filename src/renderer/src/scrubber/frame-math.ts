import type { Rational } from '../../../shared/api/recordings';

/**
 * Frame numbers are the camera's numbers (an image sequence keeps its first number, e.g. 46;
 * videos count from 0). Time is measured from the recording's first frame with the exact
 * rational rate, so 30000/1001 fps never drifts.
 */

export function clampFrame(n: number, first: number, last: number): number {
  return Math.min(last, Math.max(first, Math.round(n)));
}

/** Seconds from the first frame to frame `n`. */
export function frameSeconds(n: number, first: number, fps: Rational): number {
  return ((n - first) * fps.den) / fps.num;
}

/** "1.240 s" */
export function formatSeconds(seconds: number): string {
  return `${seconds.toFixed(3)} s`;
}

/** "1240.0 ms" */
export function formatMs(seconds: number): string {
  return `${(seconds * 1000).toFixed(1)} ms`;
}

/** A playback speed as an exact ratio of the recording's own rate: 1/1, 1/2, … 1/16. */
export const playbackRates: readonly Rational[] = [
  { num: 1, den: 1 },
  { num: 1, den: 2 },
  { num: 1, den: 4 },
  { num: 1, den: 8 },
  { num: 1, den: 16 },
];

export function formatRate(rate: Rational): string {
  return rate.num === rate.den ? '1× native' : `${rate.num}/${rate.den}×`;
}

/** Whole frames that have elapsed after `elapsedMs` at `fps` slowed by `rate` (exact integer math where it can be). */
export function framesElapsed(elapsedMs: number, fps: Rational, rate: Rational): number {
  if (elapsedMs <= 0) return 0;
  // frames = ms × fps.num × rate.num / (1000 × fps.den × rate.den); a tiny epsilon absorbs float noise at exact boundaries.
  return Math.floor((elapsedMs * fps.num * rate.num) / (1000 * fps.den * rate.den) + 1e-9);
}

export interface PlaybackSpan {
  first: number;
  last: number;
  /** A loop range; playback wraps inside it instead of stopping. */
  loop: { from: number; to: number } | null;
}

/**
 * The frame to show `steps` frames after `anchor` in `direction`: wrapped inside the loop when
 * the anchor is in it, else clamped to the recording (`ended` says playback ran out).
 */
export function advance(anchor: number, steps: number, direction: 1 | -1, span: PlaybackSpan): { frame: number; ended: boolean } {
  const { loop } = span;
  if (loop && loop.to >= loop.from && anchor >= loop.from && anchor <= loop.to) {
    const length = loop.to - loop.from + 1;
    const offset = anchor - loop.from + direction * steps;
    return { frame: loop.from + (((offset % length) + length) % length), ended: false };
  }
  const raw = anchor + direction * steps;
  if (raw > span.last) return { frame: span.last, ended: true };
  if (raw < span.first) return { frame: span.first, ended: true };
  return { frame: raw, ended: false };
}

/**
 * Frames worth decoding next, most urgent first: the target, then outward from it with `ahead`
 * frames in the playing direction and `behind` the other way, interleaved by distance.
 */
export function prefetchOrder(target: number, first: number, last: number, ahead: number, behind: number, direction: 1 | -1): number[] {
  const order = [target];
  const max = Math.max(ahead, behind);
  for (let d = 1; d <= max; d++) {
    const forward = target + direction * d;
    const backward = target - direction * d;
    if (d <= ahead && forward >= first && forward <= last) order.push(forward);
    if (d <= behind && backward >= first && backward <= last) order.push(backward);
  }
  return order;
}

/** A tick step (1, 2, 5, 10, 20, 50, …) that puts ticks at least `minPx` apart. */
export function tickStep(framesPerPx: number, minPx: number): number {
  const raw = framesPerPx * minPx;
  for (let base = 1; ; base *= 10) {
    for (const m of [1, 2, 5]) if (base * m >= raw) return base * m;
  }
}
