import * as tf from '@tensorflow/tfjs-core';
import { createBatchNorm, type BatchNormLayer, type ForwardContext } from './batch-norm';
import type { ParamScope } from './params';

/** MODEL.md "Attention": per-time-step spatial maps, added back residually. */

export interface AttentionOutput {
  output: tf.Tensor5D;
  /** One probability map per time step, [N, T, H, W]; each [n, t] sums to 1 over H x W. */
  maps: tf.Tensor4D;
}

export type AttentionModule = (x: tf.Tensor5D, ctx: ForwardContext) => AttentionOutput;

/**
 * maps[n, t] = softmax over the H x W positions of sum_c x[n, t, h, w, c] * stepWeights[t, c].
 * A row of 1/C is the parameter-free self-attention (the channel mean); a learned row is a
 * 1x1 conv C -> 1 (no bias: the softmax ignores a constant).
 */
export function attentionMaps(x: tf.Tensor5D, stepWeights: tf.Tensor2D): tf.Tensor4D {
  const [n, t, h, w, c] = x.shape;
  const logits = tf.sum(tf.mul(tf.reshape(x, [n, t, h * w, c]), tf.reshape(stepWeights, [1, t, 1, c])), 3);
  return tf.reshape(tf.softmax(logits), [n, t, h, w]);
}

/** F + BN(F * M * H * W): the H * W factor makes a uniform map the identity before BN. */
function addAttended(x: tf.Tensor5D, maps: tf.Tensor4D, bn: BatchNormLayer, ctx: ForwardContext): tf.Tensor5D {
  const [n, t, h, w] = maps.shape;
  const attended: tf.Tensor5D = tf.mul(x, tf.mul(tf.reshape(maps, [n, t, h, w, 1]), h * w));
  return tf.add(x, bn(attended, ctx));
}

function checkFrames(x: tf.Tensor5D, frames: number): void {
  if (x.shape[1] !== frames) throw new Error(`The attention module was built for ${frames} time steps, got ${x.shape[1]}`);
}

/**
 * DAO (MENet, after stage 3): step 0 uses the channel-mean map M_0, each step k = 1..T-1 its own
 * learned 1x1 conv (decided in MODEL.md). The residual BN's scale starts at 0, so the module
 * starts as the identity while its maps already feed the divergence loss.
 */
export function createDao(scope: ParamScope, channels: number, frames: number): AttentionModule {
  const learned = frames > 1 ? (scope.weight('step_kernels', [frames - 1, channels], { kind: 'heNormal', fanIn: channels }) as tf.Variable<tf.Rank.R2>) : null;
  const bn = createBatchNorm(scope.child('bn'), channels, { zeroScale: true });
  return (x, ctx) => {
    checkFrames(x, frames);
    const channelMean = tf.fill([1, channels], 1 / channels) as tf.Tensor2D;
    const stepWeights = learned ? tf.concat([channelMean, learned], 0) : channelMean;
    const maps = attentionMaps(x, stepWeights);
    return { output: addAttended(x, maps, bn, ctx), maps };
  };
}

/** IDNet's global attention: the parameter-free channel-mean map at every time step, same residual form. */
export function createGlobalAttention(scope: ParamScope, channels: number, frames: number): AttentionModule {
  const bn = createBatchNorm(scope.child('bn'), channels, { zeroScale: true });
  return (x, ctx) => {
    checkFrames(x, frames);
    const maps = attentionMaps(x, tf.fill([frames, channels], 1 / channels) as tf.Tensor2D);
    return { output: addAttended(x, maps, bn, ctx), maps };
  };
}
