import * as tf from '@tensorflow/tfjs-core';
import { conv3dForward, conv3dGradFilter, conv3dGradInput, type Conv3dGeometry } from './conv3d-by-conv2d';

/** Explicit geometry of a 3D convolution: strides and symmetric zero padding per axis (t, h, w). */
export interface Conv3dSpec {
  strides: readonly [number, number, number];
  pads: readonly [number, number, number];
}

/**
 * How the convolution is computed:
 * - `conv2d`: as 2D convolutions over the N·T frames, with its own gradient (correct everywhere;
 *   on wasm 33-61x faster than tf.conv3d for a lite-MENet conv's forward+backward, bench/conv3d.ts,
 *   and tf.conv3d's gradients are wrong there: TFJS-NOTES.md trap 1);
 * - `stock`: tf.conv3d on an explicitly padded input (correct on `cpu` and the native backends);
 * - `auto`: `conv2d`, except `stock` on `cpu` (its JavaScript conv2d is slower: forward+backward
 *   16-34 s against 13-25 s) and on the native `tensorflow` backend, whose Conv3D kernels are
 *   TensorFlow's own (not measured here: tfjs-node is not installed).
 */
export type Conv3dImplementation = 'auto' | 'conv2d' | 'stock';

/**
 * 3D convolution of x `[N, T, H, W, Ci]` with w `[kt, kh, kw, Ci, Co]`.
 * Padding is applied explicitly because tf.conv3d's 'same' is wrong when the kernel is smaller
 * than the stride (TFJS-NOTES.md, trap 2). Temporal stride must be 1 (every model conv has it).
 */
export function conv3d(x: tf.Tensor5D, w: tf.Tensor5D, spec: Conv3dSpec, implementation: Conv3dImplementation = 'auto'): tf.Tensor5D {
  checkShapes(x, w, spec);
  return resolve(implementation) === 'stock' ? stockConv3d(x, w, spec) : conv3dByConv2d(x, w, spec);
}

function resolve(implementation: Conv3dImplementation): 'conv2d' | 'stock' {
  if (implementation !== 'auto') return implementation;
  const backend = tf.getBackend();
  return backend === 'cpu' || backend === 'tensorflow' ? 'stock' : 'conv2d';
}

function checkShapes(x: tf.Tensor5D, w: tf.Tensor5D, { strides, pads }: Conv3dSpec): void {
  if (x.rank !== 5 || w.rank !== 5) throw new Error(`conv3d takes x [N, T, H, W, Ci] and w [kt, kh, kw, Ci, Co], got ranks ${x.rank} and ${w.rank}`);
  if (x.shape[4] !== w.shape[3]) throw new Error(`conv3d: x has ${x.shape[4]} channels, the kernel expects ${w.shape[3]}`);
  if (strides[0] !== 1) throw new Error(`conv3d: temporal stride ${strides[0]} is not supported (only 1)`);
  if (strides[1] !== strides[2]) throw new Error(`conv3d: spatial strides must be equal, got ${strides[1]} and ${strides[2]}`);
  for (let axis = 0; axis < 3; axis++) {
    const size = x.shape[axis + 1]! + 2 * pads[axis]!;
    if (size < w.shape[axis]!) throw new Error(`conv3d: kernel ${w.shape.slice(0, 3).join('x')} is larger than the padded input ${x.shape.slice(1, 4).join('x')}`);
  }
}

function stockConv3d(x: tf.Tensor5D, w: tf.Tensor5D, spec: Conv3dSpec): tf.Tensor5D {
  const [pt, ph, pw] = spec.pads;
  const padded = pt + ph + pw === 0 ? x : tf.pad(x, [[0, 0], [pt, pt], [ph, ph], [pw, pw], [0, 0]]);
  return tf.conv3d(padded, w, spec.strides as [number, number, number], 'valid');
}

/**
 * Two custom-gradient nodes, because tf.customGrad computes every input's gradient even when
 * backprop needs only some: the first node's only input is x (w enters by closure) and gives dx,
 * the second passes y through and gives dw. Backprop drops the first node when x needs no gradient
 * (conv0, whose input is data), so its dx, the dearest part of conv0's backward pass, is never built.
 */
function conv3dByConv2d(x: tf.Tensor5D, w: tf.Tensor5D, spec: Conv3dSpec): tf.Tensor5D {
  const geometry: Conv3dGeometry = { stride: spec.strides[1], pads: spec.pads };
  const [pt, ph, pw] = spec.pads;
  const withInputGradient = tf.customGrad((...args) => {
    const [input, save] = args as [tf.Tensor5D, tf.GradSaveFunc];
    save([w]);
    return {
      value: conv3dForward(input, w, { t: [pt, pt], h: [ph, ph], w: [pw, pw] }, geometry.stride),
      gradFunc: (dy: tf.Tensor5D, [kernel]: tf.Tensor[]) => conv3dGradInput(dy, kernel as tf.Tensor5D, input.shape, geometry),
    };
  });
  const withFilterGradient = tf.customGrad((...args) => {
    const [y, kernel, save] = args as [tf.Tensor5D, tf.Tensor5D, tf.GradSaveFunc];
    save([x]);
    return {
      // A new tensor: an output that is also an input would receive its own gradient twice.
      value: tf.clone(y),
      gradFunc: (dy: tf.Tensor5D, [input]: tf.Tensor[]) => [dy, conv3dGradFilter(input as tf.Tensor5D, dy, kernel.shape, geometry)],
    };
  });
  return withFilterGradient(withInputGradient(x) as tf.Tensor5D, w) as tf.Tensor5D;
}
