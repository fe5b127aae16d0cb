import * as tf from '@tensorflow/tfjs-core';
import type { TrainingConfig } from '../../../shared/api/training';
import { deriveSeed } from '../../../shared/domain/random';
import { planStages } from '../../../shared/domain/training';
import type { Db } from '../../core/db/connection';
import { JobCancelled } from '../../core/jobs/worker/context';
import { MarginalMovingAverage } from '../losses/mine';
import { selectBackend } from '../tf/backend';
import { threadsFor } from '../tf/wasm';
import { Adam } from './adam';
import { modelConfigOf } from './model-config';
import { buildNetworks } from './networks';
import { trainStep } from './train-step';
import { trainingSamples } from './training-samples';
import { randomBatch } from './random-batch';

export interface SpeedProbe {
  backend: string;
  threads: number;
  trainSamples: number;
  stepsPerEpoch: number;
  /** Median time of one training step of each stage of the plan, and the epoch it makes. */
  stages: { stage: number; stepMs: number; epochSeconds: number }[];
  /** All folds, all stages: the training steps alone (data preparation and evaluation come on top). */
  runSeconds: number;
}

/**
 * Times a few training steps of each stage of a configuration on random clips of its sizes, on the
 * backend it would use, and scales them by the project's sample count: what the wizard shows as
 * the cost of a run before it is launched.
 */
export async function probeSpeed(db: Db, config: TrainingConfig, signal: AbortSignal, reps = 2): Promise<SpeedProbe> {
  const data = trainingSamples(db, config);
  const fold = data.split.folds[0]!;
  const subjectOf = new Map(data.samples.map((s) => [s.id, s.subject]));
  const subjects = new Set(fold.train.map((id) => subjectOf.get(id))).size;
  const backend = await selectBackend(config.backend, { wasmThreads: threadsFor(config.wasmThreads) });
  const model = modelConfigOf(config, { emotionClasses: data.classes.length, identityClasses: subjects });
  const batchSize = Math.min(config.training.batchSize, fold.train.length);
  const nets = buildNetworks(config, { emotionClasses: data.classes.length, identityClasses: subjects }, deriveSeed(config.seed, 'probe'));
  const batch = randomBatch({ size: batchSize, frames: model.frames, meInput: model.meInput, idInput: model.idInput, classes: data.classes.length, subjects }, config.seed);
  const permutation = Array.from({ length: batchSize }, (_, i) => (i + 1) % batchSize);
  const stepsPerEpoch = Math.ceil(fold.train.length / batchSize);
  const stages: SpeedProbe['stages'] = [];
  try {
    for (const stage of planStages(config).filter((s) => s.epochs > 0)) {
      const optimisers = {
        branch: new Adam(nets.trainable(stage.trains), { learningRate: config.training.learningRate }),
        mine: stage.adversary ? new Adam(nets.trainable('mine'), { learningRate: config.training.learningRate }) : null,
        correction: stage.adversary && config.training.mineBiasCorrection ? new MarginalMovingAverage() : null,
      };
      const times: number[] = [];
      for (let i = 0; i <= reps; i++) {
        if (signal.aborted) throw new JobCancelled();
        const started = performance.now();
        trainStep(nets, stage, batch, optimisers, permutation);
        // The first step pays for compiling kernels and allocating: not timed.
        if (i > 0) times.push(performance.now() - started);
      }
      optimisers.branch.dispose();
      optimisers.mine?.dispose();
      optimisers.correction?.dispose();
      const stepMs = times.sort((a, b) => a - b)[Math.floor(times.length / 2)]!;
      stages.push({ stage: stage.stage, stepMs, epochSeconds: (stepsPerEpoch * stepMs) / 1000 });
    }
  } finally {
    nets.dispose();
    tf.dispose([batch.me, batch.id]);
  }
  const plan = planStages(config);
  const folds = config.protocol.onlyFolds?.length ?? data.split.folds.length;
  const perFold = stages.reduce((sum, s) => sum + s.epochSeconds * (plan.find((p) => p.stage === s.stage)?.epochs ?? 0), 0);
  return { backend: backend.name, threads: backend.threads, trainSamples: fold.train.length, stepsPerEpoch, stages, runSeconds: perFold * folds };
}
