import { expect, test } from 'vitest';
import { ChannelMoments, scaledFrame, writeNormalised } from './clip-pixels';

test('an interpolated pick blends its two frames by the weight, scaled to [0,1]', () => {
  const frames = new Map([[7, Uint8Array.of(0, 100, 255)], [8, Uint8Array.of(200, 100, 55)]]);
  const frameOf = (n: number) => frames.get(n)!;
  // (1 − 0.25) · a + 0.25 · b: 0.75·0 + 0.25·200 = 50; 100; 0.75·255 + 0.25·55 = 205.
  const blended = scaledFrame({ frame: 7, nextFrame: 8, weight: 0.25 }, frameOf);
  [50, 100, 205].forEach((v, c) => expect(blended[c]).toBeCloseTo(v / 255, 6));
  expect([...scaledFrame({ frame: 8, nextFrame: 8, weight: 0 }, frameOf)]).toEqual([200 / 255, 100 / 255, 55 / 255].map(Math.fround));
});

test('normalisation subtracts the mean and divides by the std per channel; a flat channel is only centred', () => {
  // Two pixels: (0, .5, 1) and (1, .5, 1) → mean (.5, .5, 1), std (.5, 0, 0).
  const moments = new ChannelMoments();
  moments.add(Float32Array.of(0, 0.5, 1, 1, 0.5, 1));
  const stats = moments.stats();
  expect(stats.mean).toEqual([0.5, 0.5, 1]);
  expect(stats.std).toEqual([0.5, 0, 0]);
  // A 1x1 frame: (.25 − .5) / .5 = −.5; green is flat, so .75 − .5 = .25; blue 1 − 1 = 0.
  const out = new Float32Array(3);
  writeNormalised(out, 0, Float32Array.of(0.25, 0.75, 1), 1, stats, false);
  expect([...out]).toEqual([-0.5, 0.25, 0]);
});

test('a flipped frame is mirrored left-right, row by row, and lands at the offset', () => {
  // 2x2 frame, red channel 1..4 row-major; green and blue 0.
  const frame = Float32Array.of(1, 0, 0, 2, 0, 0, 3, 0, 0, 4, 0, 0);
  const identity = { mean: [0, 0, 0] as [number, number, number], std: [1, 1, 1] as [number, number, number] };
  const out = new Float32Array(3 + 12);
  writeNormalised(out, 3, frame, 2, identity, true);
  expect([...out.subarray(3)].filter((_, i) => i % 3 === 0)).toEqual([2, 1, 4, 3]);
  expect([...out.subarray(0, 3)]).toEqual([0, 0, 0]);
});
