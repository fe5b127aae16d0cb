import * as tf from '@tensorflow/tfjs-core';

/**
 * out[i] = x[perm[i]] for a 2-D x `[B, D]`: a reordering of the batch axis, e.g. MINE's marginal
 * samples. Done as P·x with the 0/1 matrix P[i, perm[i]] = 1 (exact in float32), because on wasm
 * tf.gather's gradient needs UnsortedSegmentSum, which wasm lacks (TFJS-NOTES.md trap 4); a
 * matMul's gradient (Pᵀ·dy) is there on every backend.
 */
export function permuteRows(x: tf.Tensor2D, perm: readonly number[]): tf.Tensor2D {
  const n = x.shape[0];
  if (perm.length !== n) throw new Error(`permuteRows: a permutation of ${perm.length} for a batch of ${n}`);
  const seen = new Uint8Array(n);
  const onesAt = new Float32Array(n * n);
  perm.forEach((source, i) => {
    if (!Number.isInteger(source) || source < 0 || source >= n || seen[source]) throw new Error(`permuteRows: [${perm.join(', ')}] is not a permutation of 0..${n - 1}`);
    seen[source] = 1;
    onesAt[i * n + source] = 1;
  });
  return tf.matMul(tf.tensor2d(onesAt, [n, n]), x);
}
