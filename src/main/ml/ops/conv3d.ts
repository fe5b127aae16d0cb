import * as tf from '@tensorflow/tfjs-core';

/** Explicit geometry of a 3D convolution: strides and symmetric zero padding per axis (t, h, w). */
export interface Conv3dSpec {
  strides: readonly [number, number, number];
  pads: readonly [number, number, number];
}

/**
 * 3D convolution of x `[N, T, H, W, Ci]` with w `[kt, kh, kw, Ci, Co]`.
 * Padding is applied explicitly because tf.conv3d's 'same' is wrong when the kernel is smaller
 * than the stride (TFJS-NOTES.md, trap 2).
 * PLACEHOLDER: plain tf.conv3d, correct only on the `cpu` backend; replaced by the conv2d-based op.
 */
export function conv3d(x: tf.Tensor5D, w: tf.Tensor5D, spec: Conv3dSpec): tf.Tensor5D {
  const [pt, ph, pw] = spec.pads;
  const padded = pt + ph + pw === 0 ? x : tf.pad(x, [[0, 0], [pt, pt], [ph, ph], [pw, pw], [0, 0]]);
  return tf.conv3d(padded, w, spec.strides as [number, number, number], 'valid');
}
