import * as tf from '@tensorflow/tfjs-core';

/** Geometry of a 3D max pool: kernel, strides and symmetric padding per axis (t, h, w). */
export interface Pool3dSpec {
  kernel: readonly [number, number, number];
  strides: readonly [number, number, number];
  pads: readonly [number, number, number];
}

/**
 * Stands in for -Infinity in padding: padded cells never win, and no inf reaches a gradient.
 * (A finite float32; -Number.MAX_VALUE would round to -Infinity.)
 */
const NEVER_WINS = -3.4e38;

/**
 * Max pool of x `[N, T, H, W, C]` with explicit padding (padded cells never win).
 *
 * Two 2D pools, because a max over a box is a max over (h, w) and then over t: the spatial pool
 * over the N·T frames, then the temporal one over `[N, T, H'·W'·C, 1]` frames. On wasm,
 * tf.maxPool3d's forward is wrong for some inputs and the MaxPool3DGrad and MaxPoolGrad kernels
 * are wrong (measured against a brute-force loop), so each 2D pool takes its gradient from the
 * argmax that MaxPoolWithArgmax reports: dy is scattered back to the one winning cell of each
 * window, as PyTorch does (a window of ties, zeros after a ReLU, passes its gradient to one cell).
 * MENet's pool of a [4, 8, 32, 32, 16] activation, forward+backward on wasm: 35 ms (tf.maxPool3d:
 * 320 ms, and wrong).
 */
export function maxPool3d(x: tf.Tensor5D, spec: Pool3dSpec): tf.Tensor5D {
  const [n, t, h, w, c] = x.shape;
  const [kt, kh, kw] = spec.kernel;
  const [st, sh, sw] = spec.strides;
  const [pt, ph, pw] = spec.pads;
  const spatial = maxPool2d(tf.reshape(x, [n * t, h, w, c]), [kh, kw], [sh, sw], [ph, pw]);
  const [, ho, wo] = spatial.shape;
  const temporal = maxPool2d(tf.reshape(spatial, [n, t, ho * wo * c, 1]), [kt, 1], [st, 1], [pt, 0]);
  return tf.reshape(temporal, [n, temporal.shape[1], ho, wo, c]);
}

/** Max pool of x `[M, H, W, C]` with symmetric padding, its gradient routed through the argmax. */
function maxPool2d(x: tf.Tensor4D, kernel: [number, number], strides: [number, number], pads: [number, number]): tf.Tensor4D {
  if (kernel[0] * kernel[1] === 1 && strides[0] * strides[1] === 1 && pads[0] + pads[1] === 0) return x;
  const padding: [number, number][] = [[0, 0], [pads[0], pads[0]], [pads[1], pads[1]], [0, 0]];
  const op = tf.customGrad((...args) => {
    const [input, save] = args as [tf.Tensor4D, tf.GradSaveFunc];
    const padded = tf.pad(input, padding, NEVER_WINS);
    const onWasm = tf.getBackend() === 'wasm';
    const { result, indexes } = tf.maxPoolWithArgmax(onWasm ? tf.pad(atLeastOne(input), padding, NEVER_WINS) : padded, kernel, strides, 'valid', true);
    save([indexes!]);
    return {
      value: onWasm ? tf.maxPool(padded, kernel, strides, 'valid') : (result as tf.Tensor4D),
      gradFunc: (dy: tf.Tensor4D, [winners]: tf.Tensor[]) => {
        // Flat indexes into the padded input, batch included; scatterND adds where windows overlap.
        const routed = tf.scatterND(tf.reshape(winners!, [-1, 1]), tf.reshape(dy, [-1]), [padded.size]);
        return tf.slice(tf.reshape(routed, padded.shape), [0, pads[0], pads[1], 0], input.shape);
      },
    };
  });
  return op(x) as tf.Tensor4D;
}

/**
 * x shifted so its least value is 1. wasm's MaxPoolWithArgmax starts each window's running max at
 * numeric_limits<float>::min(), the smallest positive float, so a window whose maximum is ≤ 0
 * reports 1.2e-38 at index 0. A shift keeps every window's winner (values closer than float32
 * resolution at the shifted scale may tie, and then the last of them wins); the pooled values
 * themselves come from tf.maxPool, which is right.
 */
function atLeastOne(x: tf.Tensor4D): tf.Tensor4D {
  return tf.add(x, tf.sub(1, tf.min(x)));
}
