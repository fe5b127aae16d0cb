import * as tf from '@tensorflow/tfjs-core';

/**
 * Keeps sqrt differentiable where a map is 0 (d sqrt(p)/dp is infinite there). Small enough that
 * the similarity of one-hot maps moves by about 2 sqrt(eps) = 2e-4 at most.
 */
const SQRT_EPSILON = 1e-8;

function flatten(maps: tf.Tensor): tf.Tensor3D {
  const [n, t] = maps.shape;
  return tf.reshape(maps, [n!, t!, -1]);
}

/**
 * Similarity of every pair of time steps' maps: sim(A, B) = sum over positions of sqrt(A) sqrt(B)
 * (the Bhattacharyya coefficient: 1 for equal probability maps, 0 for disjoint ones).
 * maps [N, T, H, W] (or [N, T, P]) -> [N, T, T].
 */
export function pairwiseSimilarity(maps: tf.Tensor): tf.Tensor3D {
  const roots = tf.sqrt(tf.add(flatten(maps), SQRT_EPSILON));
  return tf.matMul(roots, roots, false, true);
}

/**
 * MODEL.md's decided L_div = mean over k = 1..T-1 of mean over l < k of sim(M_k, M_l), averaged over
 * the batch: high when the time steps look at the same region (it is 1 minus the paper's mean DIV).
 * 0 when T < 2 (no pairs).
 */
export function divergenceLoss(maps: tf.Tensor): tf.Scalar {
  const [n, t] = maps.shape as [number, number];
  if (t < 2) return tf.scalar(0);
  // weights[k][l] = 1 / (k (T - 1)) for l < k: the nested means as one weighted sum.
  const weights = Array.from({ length: t }, (_, k) => Array.from({ length: t }, (_, l) => (l < k ? 1 / (k * (t - 1)) : 0)));
  return tf.div(tf.sum(tf.mul(pairwiseSimilarity(maps), tf.tensor2d(weights))), n);
}
