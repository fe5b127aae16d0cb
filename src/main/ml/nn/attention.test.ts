import '@tensorflow/tfjs-backend-cpu';
import '../tf/gradients';
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { divergenceLoss } from '../losses/divergence';
import { attentionMaps, createDao, createGlobalAttention } from './attention';
import type { ForwardContext } from './batch-norm';
import { paramScope, ParamStore } from './params';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const train = (): ForwardContext => ({ mode: 'train', updates: [] });

describe('attention maps', () => {
  it('the channel-mean map is softmax over positions of mean_c F (a hand case)', () => {
    // One sample, one step, 1 x 2 positions, 2 channels: channel means 0 and ln 3 -> softmax 1/4, 3/4.
    const x = tf.tensor5d([[[[[1, -1], [Math.log(3) + 1, Math.log(3) - 1]]]]]);
    const maps = attentionMaps(x, tf.fill([1, 2], 1 / 2) as tf.Tensor2D);
    const [a, b] = Array.from(maps.dataSync());
    expect(a).toBeCloseTo(0.25, 6);
    expect(b).toBeCloseTo(0.75, 6);
  });

  it("DAO's step 0 is the channel mean; each later step follows its own learned 1x1 conv", () => {
    const store = new ParamStore();
    const dao = createDao(paramScope(store, 'menet', 1), 3, 2);
    const kernels = store.get('menet/step_kernels');
    kernels.assign(tf.tensor2d([[1, 0, 0]])); // step 1 looks at channel 0 only
    const x = tf.randomNormal([2, 2, 3, 3, 3], 0, 1, 'float32', 5) as tf.Tensor5D;
    const { maps } = dao(x, train());
    const [n, t, h, w] = maps.shape;
    const flat = (m: tf.Tensor) => Array.from(tf.reshape(m, [n, h * w]).dataSync());
    const step = (k: number) => tf.squeeze(tf.slice(x, [0, k, 0, 0, 0], [n, 1, h, w, 3]), [1]);
    const expected0 = tf.softmax(tf.reshape(tf.mean(step(0), 3), [n, h * w]));
    const expected1 = tf.softmax(tf.reshape(tf.slice(step(1), [0, 0, 0, 0], [n, h, w, 1]), [n, h * w]));
    const got0 = flat(tf.slice(maps, [0, 0, 0, 0], [n, 1, h, w]));
    const got1 = flat(tf.slice(maps, [0, 1, 0, 0], [n, 1, h, w]));
    Array.from(expected0.dataSync()).forEach((v, i) => expect(got0[i]).toBeCloseTo(v, 5));
    Array.from(expected1.dataSync()).forEach((v, i) => expect(got1[i]).toBeCloseTo(v, 5));
    expect(t).toBe(2);
    store.dispose();
  });

  it('IDNet global attention has no learned map, only its residual batch norm', () => {
    const store = new ParamStore();
    createGlobalAttention(paramScope(store, 'idnet', 1), 4, 3);
    expect(store.names('idnet').sort()).toEqual(['idnet/bn/beta', 'idnet/bn/gamma', 'idnet/bn/running_mean', 'idnet/bn/running_variance']);
    store.dispose();
  });
});

describe('DAO gradients (smooth: softmax, products, batch norm)', () => {
  it('match central differences for the learned kernels, the BN scale and the input', () => {
    const store = new ParamStore();
    const dao = createDao(paramScope(store, 'menet', 1), 3, 3);
    store.get('menet/bn/gamma').assign(tf.tensor1d([0.5, -0.3, 0.8])); // away from the identity start
    const x = tf.randomNormal([2, 3, 3, 3, 3], 0, 1, 'float32', 7) as tf.Tensor5D;
    const r = tf.randomNormal(x.shape, 0, 1, 'float32', 8);
    const loss = (input: tf.Tensor5D) => {
      const { output, maps } = dao(input, train());
      return tf.add(tf.sum(tf.mul(output, r)), divergenceLoss(maps)) as tf.Scalar;
    };
    const targets = [store.get('menet/step_kernels'), store.get('menet/bn/gamma')];
    const { grads } = tf.variableGrads(() => loss(x), targets);
    const dx = tf.grad((input: tf.Tensor) => loss(input as tf.Tensor5D))(x);
    const eps = 1e-2;
    const central = (at: (sign: number) => number) => (at(1) - at(-1)) / (2 * eps);
    const close = (numeric: number, analytic: number) => expect(Math.abs(numeric - analytic)).toBeLessThan(1e-2 * Math.max(1, Math.abs(analytic)));
    for (const [i, v] of targets.entries()) {
      const d = tf.randomNormal(v.shape, 0, 1, 'float32', 20 + i);
      const original = v.clone();
      const numeric = central((sign) => {
        v.assign(tf.add(original, tf.mul(d, sign * eps)));
        return loss(x).dataSync()[0]!;
      });
      v.assign(original);
      close(numeric, tf.sum(tf.mul(grads[v.name]!, d)).dataSync()[0]!);
    }
    const d = tf.randomNormal(x.shape, 0, 1, 'float32', 30);
    close(central((sign) => loss(tf.add(x, tf.mul(d, sign * eps))).dataSync()[0]!), tf.sum(tf.mul(dx, d)).dataSync()[0]!);
    store.dispose();
  });
});
