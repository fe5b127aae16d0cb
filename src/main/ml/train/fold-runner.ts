import * as tf from '@tensorflow/tfjs-core';
import type { EpochRecord, TrainingConfig } from '../../../shared/api/training';
import type { AttentionSample, IdentityProbe } from '../../../shared/api/training-diagnostics';
import { deriveSeed, makeRng } from '../../../shared/domain/random';
import type { StagePlan } from '../../../shared/domain/training';
import { Adam } from './adam';
import { accuracyOf, predict, type SamplePrediction } from './evaluate';
import type { FoldDiagnosticsHooks } from './fold-diagnostics';
import { saveRunCheckpoint, section, type RunCheckpoint, type RunPosition } from './run-checkpoint';
import { trainStep, type StepLosses, type StepOptimisers } from './train-step';
import { MarginalMovingAverage } from '../losses/mine';
import type { Batch, Networks } from './types';

/** The samples of one fold and how to batch them (the data pipeline behind it is the caller's). */
export interface FoldData {
  train: readonly number[];
  validation: readonly number[];
  test: readonly number[];
  batches(sampleIds: readonly number[], options: { training: boolean; seed: number; batchSize: number }): AsyncIterable<Batch>;
}

export interface FoldHooks {
  /** Progress within the fold (0..1); also the cancellation point. */
  progress(fraction: number, message: string): Promise<void>;
  /** Called once per finished epoch, after its checkpoint is on disk. */
  epochDone(record: EpochRecord): void;
}

export interface FoldOutcome {
  predictions: SamplePrediction[];
  chosenEpoch: number;
  chosenBecause: string;
  /** Identity probes before decoupling (see probedBefore) and of the kept MENet; DAO maps of a few test samples. */
  identityBefore: IdentityProbe | null;
  identityAfter: IdentityProbe | null;
  attention: AttentionSample[] | null;
}

export class TrainingDiverged extends Error {
  override readonly name = 'TrainingDiverged';
}

/** The name of the first tensor holding a NaN or an infinity, or null. */
function firstNonFinite(tensors: Readonly<Record<string, tf.Tensor>>): string | null {
  for (const [name, t] of Object.entries(tensors)) {
    const bad = tf.tidy(() => tf.any(tf.logicalNot(tf.isFinite(t))).dataSync()[0]);
    if (bad) return name;
  }
  return null;
}

function permutationFor(seed: number, n: number): number[] {
  return makeRng(seed).shuffle(Array.from({ length: n }, (_, i) => i));
}

/** Fresh optimisers for a stage: each stage is its own optimisation problem (Table 4). */
function stageOptimisers(nets: Networks, stage: StagePlan, config: TrainingConfig): StepOptimisers {
  const learningRate = config.training.learningRate;
  const adversary = stage.adversary && nets.mine !== null;
  return {
    branch: new Adam(nets.trainable(stage.trains), { learningRate }),
    mine: adversary ? new Adam(nets.trainable('mine'), { learningRate }) : null,
    correction: adversary && config.training.mineBiasCorrection ? new MarginalMovingAverage() : null,
  };
}

/** A copy of MENet's variables (weights and running statistics) by name. */
function snapshotMenet(nets: Networks): Record<string, tf.Tensor> {
  return Object.fromEntries(Object.entries(nets.variables()).filter(([n]) => n.startsWith('menet/')).map(([n, v]) => [n, tf.clone(v)]));
}

function restoreVariables(nets: Networks, tensors: Readonly<Record<string, tf.Tensor>>): void {
  const variables = nets.variables();
  for (const [name, value] of Object.entries(tensors)) {
    const variable = variables[name];
    if (!variable) throw new Error(`The checkpoint has a variable ${name} the network does not (was the configuration changed?)`);
    variable.assign(value);
  }
}

/**
 * The plan index after which MENet is probed "before decoupling": the end of MENet's first stage
 * when another MENet stage follows it (Table 4's stage 2, before IDNet is trained against MENet in
 * stage 3); -1 when MENet trains in one stage (rows without decoupling: only the final model is probed).
 */
function probedBefore(plan: readonly StagePlan[]): number {
  const menetStages = plan.flatMap((s, i) => (s.trains === 'menet' ? [i] : []));
  return menetStages.length > 1 ? menetStages[0]! : -1;
}

/**
 * Trains one fold through the stage plan, checkpointing after every epoch (weights, optimiser
 * state, position; data order and MINE's permutations are functions of the seed and position),
 * keeps the final MENet epoch with the best validation accuracy (never the test fold), and predicts
 * the test fold with it. `resume` continues from a checkpoint of this fold.
 */
export async function runFold(args: {
  config: TrainingConfig;
  plan: readonly StagePlan[];
  fold: number;
  nets: Networks;
  data: FoldData;
  checkpointFile: string;
  resume: RunCheckpoint | null;
  hooks: FoldHooks;
  diagnostics?: FoldDiagnosticsHooks | undefined;
}): Promise<FoldOutcome> {
  const { config, plan, fold, nets, data, checkpointFile, hooks } = args;
  const batchSize = Math.min(config.training.batchSize, data.train.length);
  const stepsPerEpoch = Math.ceil(data.train.length / batchSize);
  const totalEpochs = plan.reduce((s, st) => s + st.epochs, 0);
  let position: RunPosition = args.resume?.position ?? { fold, stageIndex: 0, epochsDone: 0, best: null, optimiserSteps: { branch: 0, mine: null } };
  let best: Record<string, tf.Tensor> = {};
  if (args.resume) {
    restoreVariables(nets, section(args.resume.tensors, 'net/'));
    best = section(args.resume.tensors, 'best/');
  }
  let epochsBefore = plan.slice(0, position.stageIndex).reduce((s, st) => s + st.epochs, 0) + position.epochsDone;

  for (let stageIndex = position.stageIndex; stageIndex < plan.length; stageIndex++) {
    const stage = plan[stageIndex]!;
    const optimisers = stageOptimisers(nets, stage, config);
    const resuming = args.resume && stageIndex === args.resume.position.stageIndex && position.epochsDone > 0;
    if (resuming) {
      optimisers.branch.restore(position.optimiserSteps.branch, section(args.resume!.tensors, 'opt/branch/'));
      if (optimisers.mine) optimisers.mine.restore(position.optimiserSteps.mine ?? 0, section(args.resume!.tensors, 'opt/mine/'));
    }
    const firstEpoch = stageIndex === position.stageIndex ? position.epochsDone : 0;
    try {
      for (let epoch = firstEpoch; epoch < stage.epochs; epoch++) {
        const started = Date.now();
        const sums: StepLosses = {};
        let correct = 0;
        let seen = 0;
        let step = 0;
        const epochSeed = deriveSeed(config.seed, `fold ${fold} stage ${stage.stage} epoch ${epoch}`);
        for await (const batch of data.batches(data.train, { training: true, seed: epochSeed, batchSize })) {
          try {
            const where = `in stage ${stage.stage}, epoch ${epoch + 1} (fold ${fold + 1})`;
            let result;
            try {
              result = trainStep(nets, stage, batch, optimisers, permutationFor(deriveSeed(epochSeed, `mine ${step}`), batch.sampleIds.length));
            } catch (error) {
              // NaN weights or inputs break ops (an argmax of NaN indexes nothing) before any loss is seen.
              const bad = firstNonFinite({ 'the input clips': batch.me, 'the identity clips': batch.id, ...nets.variables() });
              if (bad) throw new TrainingDiverged(`The values of ${bad} stopped being numbers ${where}; lower the learning rate or check the data`, { cause: error });
              throw error;
            }
            for (const [name, value] of Object.entries(result.losses)) {
              if (!Number.isFinite(value)) throw new TrainingDiverged(`The loss ${name} became ${value} ${where}; lower the learning rate or check the data`);
              sums[name] = (sums[name] ?? 0) + value;
            }
            correct += result.correct;
            seen += batch.sampleIds.length;
          } finally {
            tf.dispose([batch.me, batch.id]);
          }
          step++;
          const fraction = (epochsBefore + step / stepsPerEpoch) / Math.max(1, totalEpochs);
          await hooks.progress(fraction * 0.95, `Stage ${stage.stage} (${stage.trains === 'menet' ? 'MENet' : 'IDNet'}), epoch ${epoch + 1}/${stage.epochs}, batch ${step}/${stepsPerEpoch}`);
        }
        let validationAccuracy: number | null = null;
        if (stage.trains === 'menet' && data.validation.length > 0) {
          validationAccuracy = accuracyOf(await predict(nets.menet, data.batches(data.validation, { training: false, seed: 0, batchSize })));
        }
        if (stage.evaluated) {
          const better = validationAccuracy !== null && (position.best === null || validationAccuracy > position.best.accuracy);
          if (better || data.validation.length === 0) {
            tf.dispose(Object.values(best));
            best = snapshotMenet(nets);
            position = { ...position, best: { epoch: epoch + 1, accuracy: validationAccuracy ?? Number.NaN } };
          }
        }
        if (args.diagnostics && stageIndex === probedBefore(plan) && epoch === stage.epochs - 1) {
          // Kept in the checkpoint, so a resumed fold still reports it.
          position = { ...position, identityBefore: await args.diagnostics.identity(nets.menet, { stage: stage.stage, epoch: epoch + 1 }) };
        }
        position = { ...position, stageIndex, epochsDone: epoch + 1 };
        await saveRunCheckpoint(checkpointFile, position, nets.variables(), best, optimisers);
        epochsBefore++;
        const losses = Object.fromEntries(Object.entries(sums).map(([n, s]) => [n, s / Math.max(1, step)]));
        hooks.epochDone({ fold, stage: stage.stage, epoch: epoch + 1, losses, trainAccuracy: seen > 0 ? correct / seen : null, validationAccuracy, seconds: (Date.now() - started) / 1000 });
      }
    } finally {
      optimisers.branch.dispose();
      optimisers.mine?.dispose();
      optimisers.correction?.dispose();
    }
    position = { ...position, stageIndex: stageIndex + 1, epochsDone: 0 };
  }

  const chosenEpoch = position.best?.epoch ?? 0;
  const chosenBecause =
    data.validation.length > 0
      ? `best validation accuracy (${((position.best?.accuracy ?? 0) * 100).toFixed(1)} %) on ${data.validation.length} samples of held-out training subjects`
      : 'the last epoch: this fold has no validation subjects';
  if (Object.keys(best).length > 0) restoreVariables(nets, best);
  tf.dispose(Object.values(best));
  await hooks.progress(0.96, 'Predicting the test fold');
  const predictions = await predict(nets.menet, data.batches(data.test, { training: false, seed: 0, batchSize }));
  await hooks.progress(0.98, 'Identity probe and attention maps of the kept model');
  const evaluated = plan.findLast((s) => s.evaluated)?.stage ?? 0;
  const identityAfter = (await args.diagnostics?.identity(nets.menet, { stage: evaluated, epoch: chosenEpoch })) ?? null;
  const attention = (await args.diagnostics?.attention(nets.menet)) ?? null;
  // The checkpoint stays until the caller has stored the fold's result.
  return { predictions, chosenEpoch, chosenBecause, identityBefore: position.identityBefore ?? null, identityAfter, attention };
}
