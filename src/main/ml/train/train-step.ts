import * as tf from '@tensorflow/tfjs-core';
import type { StagePlan } from '../../../shared/domain/training';
import { softmaxCrossEntropy } from '../losses/cross-entropy';
import { divergenceLoss } from '../losses/divergence';
import { mineEstimate, type MarginalMovingAverage } from '../losses/mine';
import type { BranchOutput } from '../nn/backbone';
import type { Adam } from './adam';
import type { Batch, Networks } from './types';

export interface StepOptimisers {
  branch: Adam;
  mine: Adam | null;
  /** Belghazi et al.'s bias correction for MINE's gradient, when the run asks for it. */
  correction: MarginalMovingAverage | null;
}

/** Loss terms of one step: ce_e or ce_d, div, mi (MINE's estimate of I after its update), total. */
export type StepLosses = Record<string, number>;

export interface StepResult {
  losses: StepLosses;
  /** Right predictions of the trained branch on this batch. */
  correct: number;
}

function countCorrect(logits: tf.Tensor2D, labels: Int32Array): number {
  const predicted = tf.tidy(() => tf.argMax(logits, 1)).dataSync();
  let correct = 0;
  for (let i = 0; i < labels.length; i++) if (predicted[i] === labels[i]) correct++;
  return correct;
}

const scalar = (t: tf.Tensor) => t.dataSync()[0]!;

/**
 * One training step of a stage (MODEL.md "Training"). With an adversary, MINE first takes a step
 * up its Donsker-Varadhan bound on this batch's features held fixed; then the trained branch takes
 * a step down its cross-entropy (+ lambda_div · L_div) + lambda · I, with I from the updated MINE.
 * The frozen branch runs in eval mode and never changes. `permutation` pairs each fd with another
 * sample's fe for the product-of-marginals term.
 */
export function trainStep(nets: Networks, stage: StagePlan, batch: Batch, optimisers: StepOptimisers, permutation: readonly number[]): StepResult {
  const trainsMenet = stage.trains === 'menet';
  const trained = trainsMenet ? nets.menet : nets.idnet;
  if (!trained) throw new Error(`Stage ${stage.stage} trains IDNet, which this configuration does not build`);
  const other = trainsMenet ? nets.idnet : nets.menet;
  const input = trainsMenet ? batch.me : batch.id;
  const labels = trainsMenet ? batch.emotion : batch.subject;
  const lambdaMi = stage.loss.mutualInformation;
  const mine = lambdaMi !== undefined && other ? nets.mine : null;
  const statistic = mine ? (fd: tf.Tensor2D, fe: tf.Tensor2D) => mine.apply(fd, fe) : null;
  const losses: StepLosses = {};

  // The frozen branch's features: constants for this step.
  const frozen = statistic ? tf.tidy(() => other!.apply(trainsMenet ? batch.id : batch.me, 'eval').features) : null;
  const pair = (own: tf.Tensor2D): [tf.Tensor2D, tf.Tensor2D] => (trainsMenet ? [frozen!, own] : [own, frozen!]);

  if (statistic && stage.adversary && optimisers.mine) {
    // (1) MINE maximises its bound, both features fixed (the branch's forward pass is not taped).
    // Its running statistics are not applied: the branch's own step below recomputes them.
    const own = tf.tidy(() => trained.apply(input, 'train').features);
    const [fd, fe] = pair(own);
    const { value, grads } = tf.variableGrads(() => tf.neg(mineEstimate(statistic, fd, fe, permutation, optimisers.correction ?? undefined).objective), optimisers.mine.targets());
    optimisers.mine.apply(grads);
    tf.dispose([value, grads, own]);
  }

  // (2) The branch minimises its loss.
  let output: BranchOutput | null = null;
  const terms: Record<string, tf.Scalar> = {};
  const { value, grads } = tf.variableGrads(() => {
    const out = trained.apply(input, 'train');
    output = out;
    const ce = softmaxCrossEntropy(out.logits, Array.from(labels));
    terms[trainsMenet ? 'ce_e' : 'ce_d'] = tf.keep(ce);
    let total: tf.Scalar = ce;
    if (stage.loss.divergence !== undefined && out.maps) {
      const div = divergenceLoss(out.maps);
      terms['div'] = tf.keep(div);
      total = tf.add(total, tf.mul(div, stage.loss.divergence));
    }
    if (statistic && lambdaMi !== undefined) {
      const [fd, fe] = pair(out.features);
      const bound = mineEstimate(statistic, fd, fe, permutation).bound;
      terms['mi'] = tf.keep(bound);
      total = tf.add(total, tf.mul(bound, lambdaMi));
    }
    // Carried out of the tape's scope: the logits for accuracy, the running statistics to apply.
    tf.keep(out.logits);
    for (const u of out.stateUpdates) tf.keep(u.value);
    return total;
  }, optimisers.branch.targets());
  optimisers.branch.apply(grads);
  const out = output as BranchOutput | null;
  if (!out) throw new Error('The branch produced no output');
  nets.applyStateUpdates(out.stateUpdates);
  const correct = countCorrect(out.logits, labels);
  for (const [name, t] of Object.entries(terms)) losses[name] = scalar(t);
  losses['total'] = scalar(value);
  tf.dispose([value, grads, out.logits, ...Object.values(terms), ...(frozen ? [frozen] : [])]);
  return { losses, correct };
}
