import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkOp, loadableBackends, relativeError } from './gradient-check';

/** x² with its gradient off by 1 %, the kind of error the harness is there to catch. */
const squareWithWrongGradient = tf.customGrad((...args) => {
  const [x, save] = args as [tf.Tensor, tf.GradSaveFunc];
  save([x]);
  return { value: tf.square(x), gradFunc: (dy: tf.Tensor, [saved]: tf.Tensor[]) => tf.mul(dy, tf.mul(saved!, 2.02)) };
});

let backends: string[];
beforeAll(async () => {
  backends = await loadableBackends();
});

describe('checkOp', () => {
  it('reports a 1 % gradient error against the reference and against central differences, and none for the forward pass', async () => {
    const results = await checkOp({ inputs: [[3, 4]], op: (x) => squareWithWrongGradient(x) as tf.Tensor, reference: (x) => tf.square(x) }, backends);
    expect(results.map((r) => r.backend)).toEqual(backends);
    for (const r of results) {
      expect(r.forward).toBeLessThan(1e-6);
      expect(r.gradients[0]).toBeCloseTo(0.01, 5);
      expect(r.finiteDifferences[0]).toBeGreaterThan(5e-3);
    }
  });

  it('measures error relative to the largest expected magnitude', () => {
    expect(relativeError([1, 2.5], [1, 2])).toBeCloseTo(0.25);
    expect(relativeError([0, 0], [0, 0])).toBe(0);
    expect(relativeError([1e-9, 0], [0, 0])).toBe(Infinity);
    expect(relativeError([Number.NaN], [1])).toBe(Infinity);
  });
});
