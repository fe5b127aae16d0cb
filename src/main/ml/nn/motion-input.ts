import * as tf from '@tensorflow/tfjs-core';

/**
 * Each frame of a clip [N, T, H, W, C] minus the clip's first frame: what is static (the face,
 * the lighting) cancels and what moved remains; the first frame becomes zeros. Done at rank 3, as
 * wasm slices rank-5 tensors element by element.
 */
export function onsetDifference(x: tf.Tensor5D): tf.Tensor5D {
  return tf.tidy(() => {
    const [n, t, h, w, c] = x.shape;
    const flat = tf.reshape(x, [n, t, h * w * c]);
    const onset = tf.slice(flat, [0, 0, 0], [n, 1, h * w * c]);
    return tf.reshape(tf.sub(flat, onset), [n, t, h, w, c]);
  });
}
