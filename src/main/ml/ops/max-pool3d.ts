import * as tf from '@tensorflow/tfjs-core';

/** Geometry of a 3D max pool: kernel, strides and symmetric padding per axis (t, h, w). */
export interface Pool3dSpec {
  kernel: readonly [number, number, number];
  strides: readonly [number, number, number];
  pads: readonly [number, number, number];
}

/**
 * Max pool of x `[N, T, H, W, C]` with explicit padding (padded cells never win).
 * PLACEHOLDER: plain tf.maxPool3d on a -Infinity-padded input; to be checked on every backend.
 */
export function maxPool3d(x: tf.Tensor5D, spec: Pool3dSpec): tf.Tensor5D {
  const [pt, ph, pw] = spec.pads;
  const padded = pt + ph + pw === 0 ? x : tf.pad(x, [[0, 0], [pt, pt], [ph, ph], [pw, pw], [0, 0]], -1e30);
  return tf.maxPool3d(padded, spec.kernel as [number, number, number], spec.strides as [number, number, number], 'valid');
}
