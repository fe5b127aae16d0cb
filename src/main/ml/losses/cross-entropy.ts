import * as tf from '@tensorflow/tfjs-core';

/**
 * Mean softmax cross-entropy of logits [N, K] against integer class labels: the mean over the
 * batch of logsumexp(logits) - logits[label]. The label picks its logit through a one-hot mask,
 * so nothing here needs a gather gradient (missing on wasm, TFJS-NOTES.md trap 4).
 */
export function softmaxCrossEntropy(logits: tf.Tensor2D, labels: tf.Tensor1D | readonly number[]): tf.Scalar {
  const [n, classes] = logits.shape;
  const indices = Array.isArray(labels) ? tf.tensor1d(labels as number[], 'int32') : tf.cast(labels as tf.Tensor1D, 'int32');
  if (indices.shape[0] !== n) throw new Error(`${n} logits rows but ${indices.shape[0]} labels`);
  const picked = tf.sum(tf.mul(tf.logSoftmax(logits), tf.oneHot(indices, classes)), 1);
  return tf.neg(tf.mean(picked));
}
