import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkOp, loadableBackends } from './gradient-check';
import { maxPool3d, type Pool3dSpec } from './max-pool3d';

/** MENet's pool and IDNet's (MODEL.md Tables 1 and 2). */
const specs: Pool3dSpec[] = [
  { kernel: [3, 3, 3], strides: [1, 2, 2], pads: [1, 1, 1] },
  { kernel: [1, 3, 3], strides: [1, 2, 2], pads: [0, 1, 1] },
];
const xShape = [2, 3, 6, 7, 2];

/**
 * Distinct values at least 2/size apart, shuffled: no window has a tie, and a central-difference
 * step of 1e-4 never changes which cell wins, so differences are exact.
 */
const distinctValues = (size: number, _input: number, random: () => number) => {
  const values = Float32Array.from({ length: size }, (_, i) => (2 * i) / size - 1);
  for (let i = size - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [values[i], values[j]] = [values[j]!, values[i]!];
  }
  return values;
};

/** tf.maxPool3d on the cpu backend (checked against a brute-force loop while writing this op). */
const stock = (spec: Pool3dSpec) => (x: tf.Tensor) => {
  const [pt, ph, pw] = spec.pads;
  const padded = tf.pad(x as tf.Tensor5D, [[0, 0], [pt, pt], [ph, ph], [pw, pw], [0, 0]], -1e30);
  return tf.maxPool3d(padded, spec.kernel as [number, number, number], spec.strides as [number, number, number], 'valid');
};

let backends: string[];
beforeAll(async () => {
  backends = await loadableBackends();
});

describe('maxPool3d', () => {
  it.each(specs)('kernel $kernel stride $strides pad $pads: forward and gradient match tf.maxPool3d on cpu and central differences', async (spec) => {
    const results = await checkOp({ inputs: [xShape], op: (x) => maxPool3d(x as tf.Tensor5D, spec), reference: stock(spec), values: distinctValues, step: 1e-4, samples: 24 }, backends);
    expect(results.map((r) => r.backend)).toContain('wasm');
    for (const r of results) expect(Math.max(r.forward, ...r.gradients, ...r.finiteDifferences), JSON.stringify(r)).toBeLessThan(1e-5);
  });

  it('pools windows whose values are all negative (wasm kernels start their max at +1.2e-38)', async () => {
    const negative = (size: number, input: number, random: () => number) => distinctValues(size, input, random).map((v) => v - 2);
    const results = await checkOp({ inputs: [xShape], op: (x) => maxPool3d(x as tf.Tensor5D, specs[1]!), reference: stock(specs[1]!), values: negative, step: 1e-4 }, backends);
    for (const r of results) expect(Math.max(r.forward, ...r.gradients, ...r.finiteDifferences), JSON.stringify(r)).toBeLessThan(1e-5);
  });

  it('leaves no tensor behind after a forward and backward pass in tf.tidy', async () => {
    for (const backend of backends) {
      await tf.setBackend(backend);
      const x = tf.randomNormal(xShape);
      const before = tf.memory().numTensors;
      tf.tidy(() => void tf.grad((input: tf.Tensor) => maxPool3d(input as tf.Tensor5D, specs[0]!))(x));
      expect(tf.memory().numTensors, backend).toBe(before);
      x.dispose();
    }
  });

  it('sends each window of ties (zeros after a ReLU) its gradient once, to a real cell, on every backend', async () => {
    for (const backend of backends) {
      await tf.setBackend(backend);
      const zeros = tf.zeros([1, 2, 5, 5, 1]) as tf.Tensor5D;
      const spec = specs[1]!;
      const y = maxPool3d(zeros, spec);
      const grad = tf.grad((x: tf.Tensor) => maxPool3d(x as tf.Tensor5D, spec))(zeros, tf.onesLike(y));
      // 2 frames x 3 x 3 windows, each passing 1 to exactly one of its cells.
      expect(y.shape, backend).toEqual([1, 2, 3, 3, 1]);
      expect(tf.sum(grad).arraySync(), backend).toBe(18);
      expect(Math.max(...grad.dataSync()), backend).toBeGreaterThanOrEqual(1);
    }
  });
});
