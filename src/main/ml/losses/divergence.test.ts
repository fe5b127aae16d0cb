import '@tensorflow/tfjs-backend-cpu';
import '../tf/gradients';
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { divergenceLoss, pairwiseSimilarity } from './divergence';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const loss = (maps: number[][][]): number => divergenceLoss(tf.tensor3d(maps)).dataSync()[0]!;
// The epsilon inside sqrt moves a similarity by at most about 2 sqrt(1e-8) = 2e-4.
const TOLERANCE = 1e-3;

/** One-hot map over `positions` cells with its mass at `at`. */
const spot = (positions: number, at: number): number[] => Array.from({ length: positions }, (_, i) => (i === at ? 1 : 0));
const uniform = (positions: number): number[] => Array.from({ length: positions }, () => 1 / positions);

describe('L_div (MODEL.md, decided): high when the time steps look at the same region', () => {
  it('is 1 when every time step has the same map', () => {
    expect(loss([[uniform(4), uniform(4), uniform(4)]])).toBeCloseTo(1, 3);
    expect(loss([[spot(4, 1), spot(4, 1), spot(4, 1), spot(4, 1)]])).toBeCloseTo(1, 3);
  });

  it('is 0 when every time step looks at a different region', () => {
    expect(Math.abs(loss([[spot(4, 0), spot(4, 1), spot(4, 2), spot(4, 3)]]))).toBeLessThan(TOLERANCE);
  });

  it('is higher for identical maps than for disjoint ones', () => {
    expect(loss([[spot(9, 4), spot(9, 4), spot(9, 4)]])).toBeGreaterThan(loss([[spot(9, 0), spot(9, 4), spot(9, 8)]]));
  });

  it('averages over l < k first, then over k (a hand case)', () => {
    // M0 = M1 = [0.5, 0.5, 0, 0], M2 = [0, 0.5, 0.5, 0]: sim(M1, M0) = 1, sim(M2, M0) = sim(M2, M1) = 0.5.
    // k = 1: mean(1) = 1; k = 2: mean(0.5, 0.5) = 0.5; L_div = (1 + 0.5) / 2 = 0.75.
    const half = [0.5, 0.5, 0, 0];
    expect(loss([[half, half, [0, 0.5, 0.5, 0]]])).toBeCloseTo(0.75, 3);
  });

  it('averages over the batch, and reads [N, T, H, W] maps', () => {
    const same = [spot(4, 0), spot(4, 0)];
    const apart = [spot(4, 0), spot(4, 3)];
    const batch = tf.tensor4d([same, apart].map((steps) => steps.map((m) => [m.slice(0, 2), m.slice(2)])));
    expect(divergenceLoss(batch).dataSync()[0]).toBeCloseTo(0.5, 3);
  });

  it('pairwise similarity is the Bhattacharyya coefficient sum sqrt(a b)', () => {
    const a = [0.1, 0.2, 0.7];
    const b = [0.6, 0.3, 0.1];
    const expected = a.reduce((s, ai, i) => s + Math.sqrt(ai * b[i]!), 0);
    expect(pairwiseSimilarity(tf.tensor3d([[a, b]])).arraySync()[0]![0]![1]).toBeCloseTo(expected, 4);
  });

  it('has a finite gradient where a map is exactly zero', () => {
    const grad = tf.grad((m: tf.Tensor) => divergenceLoss(m))(tf.tensor3d([[spot(4, 0), spot(4, 1)]]));
    expect(Array.from(grad.dataSync()).every(Number.isFinite)).toBe(true);
  });

  it('is 0 with a single time step (no pairs)', () => {
    expect(loss([[uniform(4)]])).toBe(0);
  });
});
