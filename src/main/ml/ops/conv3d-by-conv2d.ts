import * as tf from '@tensorflow/tfjs-core';

/**
 * A 3D convolution (temporal stride 1) and its two gradients, each computed as one 2D convolution
 * over the N·T frames (TFJS-NOTES.md, "A conv3d that is correct and ~20x faster on wasm").
 * All three are checked against tf.conv3d on `cpu` for every model geometry (conv3d.test.ts).
 * Every intermediate tensor has rank ≤ 4 and no op here is Reverse, Gather, StridedSlice, Tile or
 * a batched MatMul: those fall to slow generic code on wasm.
 */

/** Zero padding before and after one axis; a negative amount crops instead. */
export type Span = readonly [number, number];

type Conv2dPadding = Parameters<typeof tf.conv2d>[3];

/** Padding (or cropping) of the t, h and w axes. */
export interface Pads3d {
  t: Span;
  h: Span;
  w: Span;
}

/**
 * w `[kt, kh, kw, A, B]` as a conv2d kernel `[kh, kw, kt·A, B]` whose input channel k·A + a is
 * temporal tap k, channel a: the layout `stackTemporalTaps` builds.
 */
function kernelAsConv2d(w: tf.Tensor5D): tf.Tensor4D {
  const [kt, kh, kw, a, b] = w.shape;
  if (kt === 1) return tf.reshape(w, [kh, kw, a, b]);
  const tapsInner = tf.transpose(tf.reshape(w, [kt, kh * kw, a * b]), [1, 0, 2]);
  return tf.reshape(tapsInner, [kh, kw, kt * a, b]);
}

/** x `[N, T, F]` with `span` frames added (zeros) or removed before and after. */
function padOrCropFrames(x: tf.Tensor3D, [before, after]: Span): tf.Tensor3D {
  const [n, t, f] = x.shape;
  const cropBefore = Math.max(0, -before);
  const cropAfter = Math.max(0, -after);
  const cropped = cropBefore + cropAfter > 0 ? tf.slice(x, [0, cropBefore, 0], [n, t - cropBefore - cropAfter, f]) : x;
  const padBefore = Math.max(0, before);
  const padAfter = Math.max(0, after);
  return padBefore + padAfter > 0 ? tf.pad(cropped, [[0, 0], [padBefore, padAfter], [0, 0]]) : cropped;
}

/** Crops the negative parts of the spatial spans of x `[M, H, W, C]`; returns what is left to pad. */
function cropSpatial(x: tf.Tensor4D, h: Span, w: Span): { cropped: tf.Tensor4D; pads: [[number, number], [number, number]] } {
  const [m, height, width, c] = x.shape;
  const [top, bottom, left, right] = [h[0], h[1], w[0], w[1]].map((p) => Math.max(0, -p)) as [number, number, number, number];
  const cropped = top + bottom + left + right > 0 ? tf.slice(x, [0, top, left, 0], [m, height - top - bottom, width - left - right, c]) : x;
  return { cropped, pads: [[Math.max(0, h[0]), Math.max(0, h[1])], [Math.max(0, w[0]), Math.max(0, w[1])]] };
}

/**
 * For each output frame t, the kt input frames t..t+kt-1 side by side on the channel axis:
 * frames `[N, T, H·W·C]` (already padded in time) → `[N·To, H, W, kt·C]`, To = T - kt + 1.
 * Taps are cut as rank-3 slices, stacked on a leading axis and moved next to the channels with one
 * rank-3 transpose: wasm's concat along the last axis copies row by row in JavaScript (117 ms
 * against 66 ms for conv0's 7 taps of 3 channels).
 */
function stackTemporalTaps(frames: tf.Tensor3D, kt: number, h: number, w: number, c: number): tf.Tensor4D {
  const [n, t, f] = frames.shape;
  const to = t - kt + 1;
  if (kt === 1) return tf.reshape(frames, [n * to, h, w, c]);
  const taps = Array.from({ length: kt }, (_, k) => tf.reshape(tf.slice(frames, [0, k, 0], [n, to, f]), [n * to * h * w, c]));
  return tf.reshape(tf.transpose(tf.stack(taps), [1, 0, 2]), [n * to, h, w, kt * c]);
}

/**
 * y = conv3d(x, w) with temporal stride 1, spatial stride `stride` and per-axis padding/cropping
 * `pads`, as one conv2d over stacked temporal taps. x `[N, T, H, W, Ci]`, w `[kt, kh, kw, Ci, Co]`.
 */
export function conv3dForward(x: tf.Tensor5D, w: tf.Tensor5D, pads: Pads3d, stride: number): tf.Tensor5D {
  const [n, t, h, wd, ci] = x.shape;
  const [kt] = w.shape;
  const frames = padOrCropFrames(tf.reshape(x, [n, t, h * wd * ci]), pads.t);
  const stacked = stackTemporalTaps(frames, kt, h, wd, ci);
  const { cropped, pads: spatial } = cropSpatial(stacked, pads.h, pads.w);
  const padding: Conv2dPadding = spatial.flat().every((p) => p === 0) ? 'valid' : [[0, 0], spatial[0], spatial[1], [0, 0]];
  const y = tf.conv2d(cropped, kernelAsConv2d(w), stride, padding);
  const [, ho, wo, co] = y.shape;
  return tf.reshape(y, [n, frames.shape[1] - kt + 1, ho, wo, co]);
}

/**
 * The kernel mirrored on all three axes with in/out channels swapped, `[kt, kh, kw, Co, Ci]`.
 * Flattening (kt, kh, kw) turns the mirror into reversing one axis, done as an exact 0/1 matMul
 * with the anti-identity (wasm's Reverse is slow generic code).
 */
function flippedTransposedKernel(w: tf.Tensor5D): tf.Tensor5D {
  const [kt, kh, kw, ci, co] = w.shape;
  const taps = kt * kh * kw;
  const reversed = taps === 1 ? tf.reshape(w, [1, ci * co]) : tf.matMul(antiIdentity(taps), tf.reshape(w, [taps, ci * co]));
  const swapped = tf.transpose(tf.reshape(reversed, [taps, ci, co]), [0, 2, 1]);
  return tf.reshape(swapped, [kt, kh, kw, co, ci]);
}

function antiIdentity(n: number): tf.Tensor2D {
  const values = new Float32Array(n * n);
  for (let i = 0; i < n; i++) values[i * n + (n - 1 - i)] = 1;
  return tf.tensor2d(values, [n, n]);
}

/** dy `[N, T, H, W, C]` with s-1 zero rows and columns after each row and column: `[N, T, s·H, s·W, C]`. */
function dilateSpatially(dy: tf.Tensor5D, s: number): tf.Tensor5D {
  if (s === 1) return dy;
  const [n, t, h, w, c] = dy.shape;
  const columns = tf.pad(tf.reshape(dy, [n * t * h, w, 1, c]), [[0, 0], [0, 0], [0, s - 1], [0, 0]]);
  const rows = tf.pad(tf.reshape(columns, [n * t * h, 1, w * s * c]), [[0, 0], [0, s - 1], [0, 0]]);
  return tf.reshape(rows, [n, t, h * s, w * s, c]);
}

/** Geometry of one conv3d call: spatial stride and symmetric padding (temporal stride is 1). */
export interface Conv3dGeometry {
  stride: number;
  pads: readonly [number, number, number];
}

/**
 * dL/dx: the full correlation of dy (zero-dilated by the stride) with the mirrored, channel-swapped
 * kernel, padded so that exactly the unpadded input positions come out. Along one axis (kernel k,
 * padding p, stride s; D = dy with dy[i] at row s·i): the padded input's gradient is
 * dXp[u] = Σ_a D[u - a]·W[a]. Padding D by k-1-p before, a valid correlation with the mirrored kernel
 * gives Σ_a D[u + p - a]·W[a] = dXp[u + p] at row u, the gradient of unpadded row u; padding by
 * H + p - s·Ho after (cropping if negative) makes it exactly H rows. Time is the same with s = 1.
 */
export function conv3dGradInput(dy: tf.Tensor5D, w: tf.Tensor5D, xShape: readonly number[], { stride, pads }: Conv3dGeometry): tf.Tensor5D {
  const [, , h, wd] = xShape as [number, number, number, number, number];
  const [kt, kh, kw] = w.shape;
  const [pt, ph, pw] = pads;
  const [, , ho, wo] = dy.shape;
  return conv3dForward(dilateSpatially(dy, stride), flippedTransposedKernel(w), {
    t: [kt - 1 - pt, kt - 1 - pt],
    h: [kh - 1 - ph, h + ph - stride * ho],
    w: [kw - 1 - pw, wd + pw - stride * wo],
  }, 1);
}

/**
 * dL/dw: per (tap, input channel) the correlation of that input channel over all frames with dy.
 * The stacked input becomes a batch of kt·Ci single-channel "images" whose channels are the N·To
 * frames, dy becomes the filter `[Ho, Wo, N·To, Co]`, and one conv2d dilated by the stride gives
 * every tap's kernel at once.
 */
export function conv3dGradFilter(x: tf.Tensor5D, dy: tf.Tensor5D, wShape: readonly number[], { stride, pads }: Conv3dGeometry): tf.Tensor5D {
  const [n, t, h, wd, ci] = x.shape;
  const [kt, kh, kw, , co] = wShape as [number, number, number, number, number];
  const [pt, ph, pw] = pads;
  const [, to, ho, wo] = dy.shape;
  const frames = padOrCropFrames(tf.reshape(x, [n, t, h * wd * ci]), [pt, pt]);
  const taps = Array.from({ length: kt }, (_, k) => {
    const tap = tf.reshape(tf.slice(frames, [0, k, 0], [n, to, h * wd * ci]), [n * to, h * wd, ci]);
    return tf.reshape(tf.transpose(tap, [2, 1, 0]), [ci, h, wd, n * to]) as tf.Tensor4D;
  });
  const images = kt === 1 ? taps[0]! : tf.concat(taps, 0);
  const filter = tf.reshape(tf.transpose(tf.reshape(dy, [n * to, ho * wo, co]), [1, 0, 2]), [ho, wo, n * to, co]) as tf.Tensor4D;
  const full = tf.conv2d(images, filter, 1, [[0, 0], [ph, ph], [pw, pw], [0, 0]], 'NHWC', stride);
  // With (H + 2ph - kh) not a multiple of the stride, the last rows/columns lie beyond the kernel.
  const kernelSized = full.shape[1] === kh && full.shape[2] === kw ? full : tf.slice(full, [0, 0, 0, 0], [kt * ci, kh, kw, co]);
  const perTap = tf.transpose(tf.reshape(kernelSized, [kt, ci, kh * kw, co]), [0, 2, 1, 3]);
  return tf.reshape(perTap, [kt, kh, kw, ci, co]);
}
