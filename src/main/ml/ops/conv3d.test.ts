import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { conv3d, type Conv3dImplementation, type Conv3dSpec } from './conv3d';
import { checkOp, loadableBackends } from './gradient-check';

type Triple = [number, number, number];

/** Every conv geometry of MENet and IDNet (MODEL.md Tables 1 and 2, and the 1x1x1 shortcuts). */
const geometries: { kernel: Triple; strides: Triple; pads: Triple }[] = [
  { kernel: [7, 7, 7], strides: [1, 2, 2], pads: [3, 3, 3] },
  { kernel: [3, 3, 3], strides: [1, 1, 1], pads: [1, 1, 1] },
  { kernel: [3, 3, 3], strides: [1, 2, 2], pads: [1, 1, 1] },
  { kernel: [1, 1, 1], strides: [1, 2, 2], pads: [0, 0, 0] },
  { kernel: [1, 1, 1], strides: [1, 1, 1], pads: [0, 0, 0] },
  { kernel: [1, 7, 7], strides: [1, 2, 2], pads: [0, 3, 3] },
  { kernel: [1, 3, 3], strides: [1, 1, 1], pads: [0, 1, 1] },
  { kernel: [1, 3, 3], strides: [1, 2, 2], pads: [0, 1, 1] },
];

/** N = 2, T = 3, an even height and an odd width (stride 2 then drops a column), 2 -> 3 channels. */
const xShape: [number, number, number, number, number] = [2, 3, 6, 7, 2];

/** tf.conv3d on the cpu backend is correct (TFJS-NOTES.md trap 1): the yardstick. */
const stock = (spec: Conv3dSpec) => (x: tf.Tensor, w: tf.Tensor) => {
  const [pt, ph, pw] = spec.pads;
  return tf.conv3d(tf.pad(x as tf.Tensor5D, [[0, 0], [pt, pt], [ph, ph], [pw, pw], [0, 0]]), w as tf.Tensor5D, spec.strides as Triple, 'valid');
};
const ours = (spec: Conv3dSpec, implementation: Conv3dImplementation) => (x: tf.Tensor, w: tf.Tensor) =>
  conv3d(x as tf.Tensor5D, w as tf.Tensor5D, spec, implementation);

let backends: string[];
beforeAll(async () => {
  backends = await loadableBackends();
});

describe('conv3d', () => {
  it('runs on cpu and wasm here', () => {
    expect(backends).toEqual(expect.arrayContaining(['cpu', 'wasm']));
  });

  it.each(geometries)('kernel $kernel stride $strides pad $pads: forward, dx and dw match tf.conv3d on cpu and central differences', async ({ kernel, strides, pads }) => {
    const spec = { strides, pads };
    const results = await checkOp({ inputs: [xShape, [...kernel, 2, 3]], op: ours(spec, 'conv2d'), reference: stock(spec), step: 1 }, backends);
    for (const r of results) {
      expect(Math.max(r.forward, ...r.gradients), JSON.stringify(r)).toBeLessThan(1e-5);
      expect(Math.max(...r.finiteDifferences), JSON.stringify(r)).toBeLessThan(1e-4);
    }
  });

  it('picks a correct implementation on its own on every backend (the models call it without one)', async () => {
    const spec: Conv3dSpec = { strides: [1, 2, 2], pads: [1, 1, 1] };
    const results = await checkOp({ inputs: [xShape, [3, 3, 3, 2, 3]], op: ours(spec, 'auto'), reference: stock(spec), step: 1 }, backends);
    for (const r of results) expect(Math.max(r.forward, ...r.gradients), JSON.stringify(r)).toBeLessThan(1e-5);
  });

  it('builds no input gradient when only the kernel is trained (conv0, whose input is data)', async () => {
    await tf.setBackend('wasm');
    const spec: Conv3dSpec = { strides: [1, 2, 2], pads: [1, 1, 1] };
    const x = tf.ones(xShape) as tf.Tensor5D;
    const w = tf.variable(tf.ones([3, 3, 3, 2, 3]) as tf.Tensor5D);
    const countConvs = async (f: () => tf.TensorContainer) => (await tf.profile(() => tf.tidy(() => void f()))).kernels.filter((k) => k.name === 'Conv2D').length;
    // Forward, then dW; and with x wanted too, dX.
    expect(await countConvs(() => tf.variableGrads(() => tf.sum(conv3d(x, w, spec)), [w]).grads)).toBe(2);
    expect(await countConvs(() => tf.grads((a: tf.Tensor, b: tf.Tensor) => tf.sum(conv3d(a as tf.Tensor5D, b as tf.Tensor5D, spec)))([x, w]))).toBe(3);
    tf.dispose([x, w]);
  });

  it('leaves no tensor behind after a forward and backward pass in tf.tidy', async () => {
    const spec: Conv3dSpec = { strides: [1, 2, 2], pads: [1, 1, 1] };
    for (const backend of backends) {
      await tf.setBackend(backend);
      const [x, w] = [tf.ones(xShape), tf.ones([3, 3, 3, 2, 3])];
      const before = tf.memory().numTensors;
      tf.tidy(() => void tf.grads(ours(spec, 'conv2d'))([x, w]));
      expect(tf.memory().numTensors, backend).toBe(before);
      tf.dispose([x, w]);
    }
  });

  it('refuses a temporal stride and a kernel larger than the padded input', () => {
    const x = tf.zeros([1, 2, 4, 4, 1]) as tf.Tensor5D;
    expect(() => conv3d(x, tf.zeros([1, 1, 1, 1, 1]) as tf.Tensor5D, { strides: [2, 1, 1], pads: [0, 0, 0] })).toThrow(/temporal stride/);
    expect(() => conv3d(x, tf.zeros([3, 3, 3, 1, 1]) as tf.Tensor5D, { strides: [1, 1, 1], pads: [0, 1, 1] })).toThrow(/larger than the padded input/);
  });
});
