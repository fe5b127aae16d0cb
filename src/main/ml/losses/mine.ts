import * as tf from '@tensorflow/tfjs-core';
import type { Rng } from '../../../shared/domain/random';
import { permuteRows } from '../ops/permute';

/**
 * Mutual information between the branches' features, estimated with MINE (Belghazi et al. 2018):
 * the Donsker-Varadhan lower bound
 *   I(fd; fe) >= mean_i T(fd_i, fe_i) - log mean_i exp T(fd_perm(i), fe_i),
 * where pairing fd with a shuffled fe row draws from the product of the marginals.
 */

export type Statistic = (fd: tf.Tensor2D, fe: tf.Tensor2D) => tf.Tensor2D;

/** A random reordering of a batch of n, for the marginal pairs. */
export function marginalPermutation(n: number, rng: Rng): number[] {
  return rng.shuffle(Array.from({ length: n }, (_, i) => i));
}

/** log mean exp over all elements, by log-sum-exp (no overflow for large T). */
function logMeanExp(t: tf.Tensor): tf.Scalar {
  return tf.sub(tf.logSumExp(t), Math.log(t.size));
}

/** The Donsker-Varadhan bound from T on joint and on marginal pairs (nats). */
export function donskerVaradhan(tJoint: tf.Tensor, tMarginal: tf.Tensor): tf.Scalar {
  return tf.sub(tf.mean(tJoint), logMeanExp(tMarginal));
}

/**
 * Belghazi et al. 2018, section 3.2: the gradient of log mean exp T over a minibatch is biased;
 * replacing the minibatch mean in the gradient's denominator by a moving average over batches
 * removes most of the bias. Kept in log space, so a large T cannot overflow.
 */
export class MarginalMovingAverage {
  private logAverage: tf.Scalar | null = null;

  /** `rate` is the weight of the newest batch (0.01 in the paper's code). */
  constructor(private readonly rate = 0.01) {}

  /**
   * Folds this batch's log mean exp T into the average and returns the updated log average.
   * It runs as a custom-gradient op whose gradient is zero: the average is a constant to the
   * optimiser, and ops inside a custom op's forward are not taped, so replacing the stored value
   * cannot break a backward pass.
   */
  readonly update = tf.customGrad((...inputs) => {
    const tMarginal = inputs[0] as tf.Tensor;
    const shape = tMarginal.shape;
    const batch = logMeanExp(tMarginal);
    const next: tf.Scalar = this.logAverage
      ? tf.logSumExp(tf.stack([tf.add(this.logAverage, Math.log(1 - this.rate)), tf.add(batch, Math.log(this.rate))]))
      : batch;
    this.logAverage?.dispose();
    this.logAverage = tf.keep(next.clone());
    return { value: next, gradFunc: () => tf.zeros(shape) };
  });

  dispose(): void {
    this.logAverage?.dispose();
    this.logAverage = null;
  }
}

export interface MineEstimate {
  /** The Donsker-Varadhan bound: the value to report and the one a branch's loss adds (x lambda). */
  bound: tf.Scalar;
  /**
   * What the statistics network maximises: the bound itself, or with a moving average a surrogate
   * mean T(joint) - mean exp(T(marginal)) / average, whose gradient is the bias-corrected one
   * (its value is not an estimate of anything).
   */
  objective: tf.Scalar;
}

/** T on the joint pairs (fd_i, fe_i) and on the marginal pairs (fd_perm(i), fe_i). */
export function mineEstimate(
  statistic: Statistic,
  fd: tf.Tensor2D,
  fe: tf.Tensor2D,
  perm: readonly number[],
  correction?: MarginalMovingAverage,
): MineEstimate {
  const tJoint = statistic(fd, fe);
  const tMarginal = statistic(permuteRows(fd, perm), fe);
  const bound = donskerVaradhan(tJoint, tMarginal);
  if (!correction) return { bound, objective: bound };
  const logAverage = correction.update(tMarginal);
  const objective: tf.Scalar = tf.sub(tf.mean(tJoint), tf.mean(tf.exp(tf.sub(tMarginal, logAverage))));
  return { bound, objective };
}
