import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkOp, loadableBackends } from './gradient-check';
import { permuteRows } from './permute';

let backends: string[];
beforeAll(async () => {
  backends = await loadableBackends();
});

describe('permuteRows', () => {
  it('takes row perm[i] into row i, with the gradient of tf.gather (cpu) on every backend', async () => {
    const perm = [3, 0, 4, 1, 2];
    const results = await checkOp({ inputs: [[5, 3]], op: (x) => permuteRows(x as tf.Tensor2D, perm), reference: (x) => tf.gather(x, perm), step: 1 }, backends);
    expect(results.map((r) => r.backend)).toContain('wasm');
    for (const r of results) expect(Math.max(r.forward, ...r.gradients, ...r.finiteDifferences), JSON.stringify(r)).toBeLessThan(1e-6);
  });

  it('refuses what is not a permutation of the batch', () => {
    const x = tf.zeros([3, 2]) as tf.Tensor2D;
    expect(() => permuteRows(x, [0, 1])).toThrow(/for a batch of 3/);
    expect(() => permuteRows(x, [0, 1, 1])).toThrow(/not a permutation/);
    expect(() => permuteRows(x, [0, 1, 3])).toThrow(/not a permutation/);
  });
});
