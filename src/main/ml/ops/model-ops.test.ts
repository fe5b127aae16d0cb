import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkOp, loadableBackends, type OpCheck } from './gradient-check';

/**
 * The stock tfjs ops the networks and losses are built from, checked on every backend against
 * `cpu` and central differences (wasm gets several kernels wrong: TFJS-NOTES.md, ops/*.ts).
 */

/** Values at least 0.05 from zero: the kinks of relu and leakyRelu stay farther than the step. */
const awayFromZero = (size: number, _input: number, random: () => number) =>
  Float32Array.from({ length: size }, () => (random() < 0.5 ? -1 : 1) * (0.05 + 0.95 * random()));

/** Distinct values 2/size apart, shuffled: a max never ties, and a step of 1e-4 never changes it. */
const distinct = (size: number, _input: number, random: () => number) => {
  const values = Float32Array.from({ length: size }, (_, i) => (2 * i) / size - 1);
  for (let i = size - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [values[i], values[j]] = [values[j]!, values[i]!];
  }
  return values;
};

const SQRT_EPSILON = 1e-6;
/** Attention-map-like probabilities in [0, 0.01), three of them exactly 0. */
const nearZero = (size: number, _input: number, random: () => number) => Float32Array.from({ length: size }, (_, i) => (i % 4 === 0 ? 0 : 0.01 * random()));

const cases: (OpCheck & { name: string })[] = [
  { name: 'relu', inputs: [[3, 8]], op: (x) => tf.relu(x), values: awayFromZero },
  { name: 'leakyRelu (0.01)', inputs: [[3, 8]], op: (x) => tf.leakyRelu(x, 0.01), values: awayFromZero },
  { name: 'softmax over the H·W positions of [N, T, H·W]', inputs: [[2, 2, 6]], op: (x) => tf.softmax(x) },
  { name: 'logSoftmax', inputs: [[3, 5]], op: (x) => tf.logSoftmax(x) },
  { name: 'mean over channels of [N, T, H, W, C]', inputs: [[2, 2, 2, 3, 3]], op: (x) => tf.mean(x, -1), step: 1 },
  { name: 'sum over channels after a broadcast mul by per-step weights', inputs: [[2, 3, 4, 2], [1, 3, 1, 2]], op: (x, w) => tf.sum(tf.mul(x, w), 3) },
  { name: 'mul by a [N, T, H, W, 1] map, broadcast over channels', inputs: [[2, 2, 2, 2, 3], [2, 2, 2, 2, 1]], op: (x, m) => tf.mul(x, m) },
  { name: 'add with broadcasting', inputs: [[2, 3, 4], [4]], op: (a, b) => tf.add(a, b), step: 1 },
  { name: 'matMul', inputs: [[3, 4], [4, 2]], op: (a, b) => tf.matMul(a, b) },
  { name: 'matMul with the second operand transposed', inputs: [[3, 4], [5, 4]], op: (a, b) => tf.matMul(a, b, false, true) },
  { name: 'logSumExp over all elements', inputs: [[4, 3]], op: (x) => tf.logSumExp(tf.mul(x, 3)) },
  { name: 'logSumExp along an axis', inputs: [[4, 3]], op: (x) => tf.logSumExp(x, 1) },
  { name: 'exp', inputs: [[3, 4]], op: (x) => tf.exp(x) },
  { name: 'concat along features (MINE input)', inputs: [[3, 4], [3, 2]], op: (a, b) => tf.concat([a, b], 1), step: 1 },
  { name: 'stack', inputs: [[3], [3]], op: (a, b) => tf.stack([a, b]), step: 1 },
  { name: 'pad (rank 4, uneven)', inputs: [[2, 3, 2, 2]], op: (x) => tf.pad(x, [[0, 0], [1, 2], [0, 1], [0, 0]]), step: 1 },
  { name: 'slice (rank 3)', inputs: [[2, 5, 4]], op: (x) => tf.slice(x, [0, 1, 1], [2, 3, 2]), step: 1 },
  { name: 'slice (rank 5, one time step)', inputs: [[2, 3, 2, 2, 2]], op: (x) => tf.slice(x, [0, 1, 0, 0, 0], [2, 1, 2, 2, 2]), step: 1 },
  { name: 'reshape then transpose (rank 5)', inputs: [[2, 3, 2, 2, 2]], op: (x) => tf.transpose(tf.reshape(x, [2, 3, 4, 2, 1]), [0, 2, 1, 4, 3]), step: 1 },
  { name: 'transpose (rank 3)', inputs: [[2, 3, 4]], op: (x) => tf.transpose(x, [2, 0, 1]), step: 1 },
  { name: 'global max over T·H·W of [N, T·H·W, C]', inputs: [[2, 6, 3]], op: (x) => tf.max(x, 1), values: distinct, step: 1e-4 },
  { name: 'sub and mean (MINE bound)', inputs: [[4, 1], [4, 1]], op: (a, b) => tf.sub(tf.mean(a), tf.mean(tf.exp(b))) },
  {
    name: `sqrt(p + ${SQRT_EPSILON}) of maps at and near 0 (L_div)`,
    inputs: [[2, 6]],
    op: (p) => tf.sqrt(tf.add(p, SQRT_EPSILON)),
    values: nearZero,
    // The curvature grows as p → -eps: a step of 1% of p + eps keeps the truncation error near 1e-5.
    step: (p) => 0.01 * (p + SQRT_EPSILON),
  },
];

let backends: string[];
beforeAll(async () => {
  backends = await loadableBackends();
});

describe('the stock ops the models use', () => {
  it('run on cpu and wasm here', () => {
    expect(backends).toEqual(expect.arrayContaining(['cpu', 'wasm']));
  });

  it.each(cases)('$name: forward and gradients match cpu and central differences', async (check) => {
    for (const r of await checkOp(check, backends)) {
      expect(Math.max(r.forward, ...r.gradients), JSON.stringify(r)).toBeLessThan(1e-5);
      expect(Math.max(...r.finiteDifferences), JSON.stringify(r)).toBeLessThan(1e-4);
    }
  });

  it('sqrt(p + eps) has the finite gradient 1/(2·sqrt(eps)) where a map is exactly 0', async () => {
    for (const backend of backends) {
      await tf.setBackend(backend);
      const grad = tf.grad((p: tf.Tensor) => tf.sqrt(tf.add(p, SQRT_EPSILON)))(tf.zeros([3]));
      for (const g of grad.dataSync()) expect(g, backend).toBeCloseTo(1 / (2 * Math.sqrt(SQRT_EPSILON)), 2);
    }
  });
});
