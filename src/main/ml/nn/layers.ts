import * as tf from '@tensorflow/tfjs-core';
import { conv3d } from '../ops/conv3d';
import type { BlockLayout, ConvLayout } from './architecture';
import { createBatchNorm, type ForwardContext } from './batch-norm';
import type { ParamScope } from './params';

/** The building blocks of both branches and MINE, each a closure over its variables. */

export type Layer5D = (x: tf.Tensor5D, ctx: ForwardContext) => tf.Tensor5D;

/** A bias-free conv (batch norm follows) with He-normal weights [kt, kh, kw, Ci, Co]. */
export function createConv(scope: ParamScope, layout: ConvLayout): (x: tf.Tensor5D) => tf.Tensor5D {
  const [kt, kh, kw] = layout.kernel;
  const fanIn = kt * kh * kw * layout.inChannels;
  const kernel = scope.weight('kernel', [kt, kh, kw, layout.inChannels, layout.outChannels], { kind: 'heNormal', fanIn }) as tf.Variable<tf.Rank.R5>;
  const spec = { strides: layout.strides, pads: layout.pads };
  return (x) => conv3d(x, kernel, spec);
}

/** conv then batch norm. */
export function createConvBn(scope: ParamScope, layout: ConvLayout): Layer5D {
  const conv = createConv(scope.child('conv'), layout);
  const bn = createBatchNorm(scope.child('bn'), layout.outChannels);
  return (x, ctx) => bn(conv(x), ctx);
}

/** conv-BN-ReLU-conv-BN plus shortcut (identity, or 1x1x1 conv + BN), then ReLU. */
export function createBasicBlock(scope: ParamScope, layout: BlockLayout): Layer5D {
  const first = createConvBn(scope.child('conv1'), layout.conv1);
  const second = createConvBn(scope.child('conv2'), layout.conv2);
  const shortcut = layout.shortcut ? createConvBn(scope.child('shortcut'), layout.shortcut) : null;
  return (x, ctx) => {
    const residual = second(tf.relu(first(x, ctx)), ctx);
    return tf.relu(tf.add(residual, shortcut ? shortcut(x, ctx) : x));
  };
}

/**
 * A fully connected layer x W + b. Weights uniform in ±1/sqrt(fan_in) (PyTorch's nn.Linear
 * default scale), bias zero.
 */
export function createDense(scope: ParamScope, inputs: number, outputs: number): (x: tf.Tensor2D) => tf.Tensor2D {
  const kernel = scope.weight('kernel', [inputs, outputs], { kind: 'uniform', bound: 1 / Math.sqrt(inputs) }) as tf.Variable<tf.Rank.R2>;
  const bias = scope.weight('bias', [outputs], { kind: 'constant', value: 0 }) as tf.Variable<tf.Rank.R1>;
  return (x) => tf.add(tf.matMul(x, kernel), bias);
}
