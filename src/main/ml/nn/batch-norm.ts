import * as tf from '@tensorflow/tfjs-core';
import { batchNorm5d, moments5d } from '../ops/batch-norm';
import type { ParamScope, StateUpdate } from './params';

/** Whether batch norm normalises with the batch's statistics (and reports new running ones) or the running ones. */
export type Mode = 'train' | 'eval';

/** What one forward pass carries through the layers: its mode and the state updates it collects. */
export interface ForwardContext {
  mode: Mode;
  updates: StateUpdate[];
}

// PyTorch's defaults, so the yardstick and this model normalise alike.
const EPSILON = 1e-5;
const MOMENTUM = 0.1;

export type BatchNormLayer = (x: tf.Tensor5D, ctx: ForwardContext) => tf.Tensor5D;

/**
 * Batch norm over N, T, H, W per channel. In train mode it normalises with the batch's moments and
 * pushes new running statistics onto ctx.updates for the trainer to assign after its step
 * (ParamStore.applyStateUpdates). They are ordinary tensors: inside tf.variableGrads or tf.tidy,
 * tf.keep the ones to carry out; a pass whose updates are not wanted then leaks nothing.
 * `zeroScale` starts gamma at 0, so a residual branch starts as the identity.
 */
export function createBatchNorm(scope: ParamScope, channels: number, options: { zeroScale?: boolean } = {}): BatchNormLayer {
  const scale = scope.weight('gamma', [channels], { kind: 'constant', value: options.zeroScale ? 0 : 1 }) as tf.Variable<tf.Rank.R1>;
  const offset = scope.weight('beta', [channels], { kind: 'constant', value: 0 }) as tf.Variable<tf.Rank.R1>;
  const runningMean = scope.state('running_mean', [channels], { kind: 'constant', value: 0 }) as tf.Variable<tf.Rank.R1>;
  const runningVariance = scope.state('running_variance', [channels], { kind: 'constant', value: 1 }) as tf.Variable<tf.Rank.R1>;

  return (x, ctx) => {
    if (ctx.mode === 'eval') return batchNorm5d(x, runningMean, runningVariance, offset, scale, EPSILON);
    const { mean, variance } = moments5d(x);
    // The running variance is the unbiased estimate, as in PyTorch.
    const count = x.size / channels;
    const unbiased = count > 1 ? tf.mul(variance, count / (count - 1)) : variance;
    ctx.updates.push(
      { variable: runningMean, value: tf.add(tf.mul(runningMean, 1 - MOMENTUM), tf.mul(mean, MOMENTUM)) },
      { variable: runningVariance, value: tf.add(tf.mul(runningVariance, 1 - MOMENTUM), tf.mul(unbiased, MOMENTUM)) },
    );
    return batchNorm5d(x, mean, variance, offset, scale, EPSILON);
  };
}
