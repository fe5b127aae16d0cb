import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { batchNorm5d, moments5d } from './batch-norm';
import { checkOp, loadableBackends } from './gradient-check';

const xShape = [2, 2, 3, 2, 3];
const channels = xShape[4]!;
const eps = 1e-3;

/** The yardstick: tf.moments and tf.batchNorm on the input folded to rank 4, differentiated by tfjs on cpu. */
const fold = (x: tf.Tensor) => tf.reshape(x, [xShape[0]! * xShape[1]!, xShape[2]!, xShape[3]!, channels]) as tf.Tensor4D;
const referenceMoments = (x: tf.Tensor) => {
  const { mean, variance } = tf.moments(fold(x), [0, 1, 2]);
  return tf.concat([mean, variance]);
};
const referenceTrainingNorm = (x: tf.Tensor, offset: tf.Tensor, scale: tf.Tensor) => {
  const { mean, variance } = tf.moments(fold(x), [0, 1, 2]);
  return tf.batchNorm(fold(x), mean, variance, offset as tf.Tensor1D, scale as tf.Tensor1D, eps);
};
const trainingNorm = (x: tf.Tensor, offset: tf.Tensor, scale: tf.Tensor) => {
  const { mean, variance } = moments5d(x as tf.Tensor5D);
  return batchNorm5d(x as tf.Tensor5D, mean, variance, offset as tf.Tensor1D, scale as tf.Tensor1D, eps);
};

/** Variances are drawn in [0.5, 1.5): a variance near -eps has no batch norm. */
const positiveVariance = (size: number, input: number, random: () => number) =>
  Float32Array.from({ length: size }, () => (input === 2 ? 0.5 + random() : 2 * random() - 1));

let backends: string[];
beforeAll(async () => {
  backends = await loadableBackends();
});

describe('batch norm for [N, T, H, W, C]', () => {
  it('moments5d: per-channel mean and variance over N, T, H, W, and their gradient', async () => {
    const results = await checkOp({ inputs: [xShape], op: (x) => { const m = moments5d(x as tf.Tensor5D); return tf.concat([m.mean, m.variance]); }, reference: referenceMoments, step: 1e-2 }, backends);
    expect(results.map((r) => r.backend)).toContain('wasm');
    for (const r of results) expect(Math.max(r.forward, ...r.gradients, ...r.finiteDifferences), JSON.stringify(r)).toBeLessThan(1e-4);
  });

  it('training mode (batch statistics): forward and the gradients of x, offset and scale', async () => {
    const results = await checkOp({ inputs: [xShape, [channels], [channels]], op: trainingNorm, reference: referenceTrainingNorm, step: 1e-2 }, backends);
    for (const r of results) expect(Math.max(r.forward, ...r.gradients, ...r.finiteDifferences), JSON.stringify(r)).toBeLessThan(1e-4);
  });

  it('with given statistics: gradients for all five inputs', async () => {
    const op = (x: tf.Tensor, mean: tf.Tensor, variance: tf.Tensor, offset: tf.Tensor, scale: tf.Tensor) =>
      batchNorm5d(x as tf.Tensor5D, mean as tf.Tensor1D, variance as tf.Tensor1D, offset as tf.Tensor1D, scale as tf.Tensor1D, eps);
    const reference = (x: tf.Tensor, mean: tf.Tensor, variance: tf.Tensor, offset: tf.Tensor, scale: tf.Tensor) =>
      tf.batchNorm(fold(x), mean as tf.Tensor1D, variance as tf.Tensor1D, offset as tf.Tensor1D, scale as tf.Tensor1D, eps);
    const shapes = [xShape, [channels], [channels], [channels], [channels]];
    const results = await checkOp({ inputs: shapes, op, reference, values: positiveVariance, step: 2e-3 }, backends);
    for (const r of results) expect(Math.max(r.forward, ...r.gradients, ...r.finiteDifferences), JSON.stringify(r)).toBeLessThan(1e-4);
  });

  it('leaves no tensor behind after a forward and backward pass in tf.tidy', async () => {
    for (const backend of backends) {
      await tf.setBackend(backend);
      const inputs = [tf.randomNormal(xShape), tf.zeros([channels]), tf.ones([channels])];
      const before = tf.memory().numTensors;
      tf.tidy(() => void tf.grads(trainingNorm)(inputs));
      expect(tf.memory().numTensors, backend).toBe(before);
      tf.dispose(inputs);
    }
  });

  it('normalises each channel to the offset as mean and the scale as standard deviation', async () => {
    for (const backend of backends) {
      await tf.setBackend(backend);
      const x = tf.add(tf.mul(tf.randomNormal([4, 8, 6, 6, channels], 0, 1, 'float32', 7), 3), 5) as tf.Tensor5D;
      const y = trainingNorm(x, tf.tensor1d([0, 1, -2]), tf.tensor1d([1, 2, 0.5]));
      const { mean, variance } = moments5d(y as tf.Tensor5D);
      // The variance is scale²·σ²/(σ² + eps) with σ² ≈ 9: within 2e-4 of scale².
      const [means, variances] = [mean.dataSync(), variance.dataSync()];
      [0, 1, -2].forEach((offset, c) => expect(means[c], `${backend} mean ${c}`).toBeCloseTo(offset, 4));
      [1, 4, 0.25].forEach((square, c) => expect(variances[c], `${backend} variance ${c}`).toBeCloseTo(square, 3));
    }
  });
});
