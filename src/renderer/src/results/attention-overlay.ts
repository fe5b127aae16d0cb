import type { AttentionSample } from '../../../shared/api/training-diagnostics';

/**
 * Pure parts of the DAO attention overlay: a heat colour scale and the RGBA pixels of one map.
 * Colours are relative to the sample's most attended position over all its time steps, so the
 * frames of one sample compare with each other.
 */

/** Stops of an inferno-like scale: dark and cool for little attention, bright and warm for much. */
const stops: readonly (readonly [number, readonly [number, number, number]])[] = [
  [0, [0, 0, 4]],
  [0.25, [87, 16, 110]],
  [0.5, [188, 55, 84]],
  [0.75, [249, 142, 9]],
  [1, [252, 255, 164]],
];

/** The colour of a relative attention v in [0, 1] (clamped). */
export function heatColour(v: number): [number, number, number] {
  const x = Math.min(1, Math.max(0, Number.isFinite(v) ? v : 0));
  const upper = stops.findIndex(([at]) => at >= x);
  if (upper <= 0) return [...stops[0]![1]];
  const [a, from] = stops[upper - 1]!;
  const [b, to] = stops[upper]!;
  const t = (x - a) / (b - a);
  return [0, 1, 2].map((c) => Math.round(from[c]! + t * (to[c]! - from[c]!))) as [number, number, number];
}

/** The largest value over all of a sample's maps (what colours are relative to); 1 for empty or all-zero maps. */
export function attentionScale(maps: readonly (readonly number[])[]): number {
  const top = Math.max(0, ...maps.flat());
  return top > 0 ? top : 1;
}

/**
 * RGBA pixels of one map (row-major, as stored): the heat colour of value / scale, with an alpha
 * that grows with it, so where the module hardly looks the face stays visible.
 */
export function heatPixels(map: readonly number[], scale: number): Uint8ClampedArray<ArrayBuffer> {
  const pixels = new Uint8ClampedArray(map.length * 4);
  map.forEach((value, i) => {
    const v = value / scale;
    pixels.set([...heatColour(v), Math.round(255 * Math.min(1, Math.max(0, v)))], i * 4);
  });
  return pixels;
}

/** "event 12 · s3 · happiness, predicted surprise" */
export function sampleCaption(sample: Pick<AttentionSample, 'eventId' | 'subject' | 'trueClass' | 'predictedClass'>, classes: readonly string[]): string {
  const name = (c: number) => classes[c] ?? `class ${c}`;
  return `event ${sample.eventId} · ${sample.subject} · ${name(sample.trueClass)}, predicted ${name(sample.predictedClass)}`;
}
