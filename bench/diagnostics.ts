import * as tf from '@tensorflow/tfjs-core';
import { TrainingConfig } from '../src/shared/api/training';
import { planStages } from '../src/shared/domain/training';
import { makeRng } from '../src/shared/domain/random';
import { selectBackend } from '../src/main/ml/tf/backend';
import { threadsFor } from '../src/main/ml/tf/wasm';
import { Adam } from '../src/main/ml/train/adam';
import { identityProbe } from '../src/main/ml/train/identity-probe';
import { attentionOf, pooledFeatures } from '../src/main/ml/train/menet-readouts';
import { modelConfigOf } from '../src/main/ml/train/model-config';
import { buildNetworks } from '../src/main/ml/train/networks';
import { randomBatch } from '../src/main/ml/train/random-batch';
import { trainStep } from '../src/main/ml/train/train-step';
import type { Batch } from '../src/main/ml/train/types';

/**
 * What the decoupling diagnostics add to a fold, beside what a MENet epoch costs: the identity
 * probe (a forward pass over the fold's training and validation clips, then the nearest-class-mean
 * fit) and the DAO maps of four test clips. Lite network, T = 8, batch 4, on the backend a run
 * would pick; a fold the size of the demo project's (60 training and 15 validation clips, 10 subjects).
 */
const batchSize = 4;
const trainClips = 60;
const probeClips = 75;
const subjects = 10;
const config = TrainingConfig.parse({ projectId: 1, model: { preset: 'lite' }, preprocessing: { frames: 8 } });
const model = modelConfigOf(config, { emotionClasses: 3, identityClasses: subjects });

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function timed(run: () => Promise<unknown>, reps = 3): Promise<number> {
  await run();
  const times: number[] = [];
  for (let i = 0; i < reps; i++) {
    const t0 = performance.now();
    await run();
    times.push(performance.now() - t0);
  }
  return median(times);
}

async function* batches(count: number, clips: number): AsyncGenerator<Batch> {
  for (let i = 0; i < count; i++) yield randomBatch({ size: clips, frames: model.frames, meInput: model.meInput, idInput: model.idInput, classes: 3, subjects }, i);
}

export async function benchDiagnostics(): Promise<string> {
  const backend = await selectBackend('auto', { wasmThreads: threadsFor(null) });
  const nets = buildNetworks(config, { emotionClasses: 3, identityClasses: subjects }, 1);
  const stage4 = planStages(config).find((s) => s.stage === 4)!;
  const optimisers = { branch: new Adam(nets.trainable('menet'), { learningRate: 1e-4 }), mine: new Adam(nets.trainable('mine'), { learningRate: 1e-4 }), correction: null };
  const batch = randomBatch({ size: batchSize, frames: model.frames, meInput: model.meInput, idInput: model.idInput, classes: 3, subjects }, 1);
  const stepMs = await timed(async () => trainStep(nets, stage4, batch, optimisers, [1, 2, 3, 0]));
  const forwardMs = await timed(() => pooledFeatures(nets.menet, batches(Math.ceil(probeClips / batchSize), batchSize)), 2);
  const rng = makeRng(1);
  const features = Array.from({ length: probeClips }, () => Float32Array.from({ length: model.widths[3] }, () => rng.normal()));
  const labels = features.map((_, i) => `s${i % subjects}`);
  const fitMs = await timed(async () => identityProbe(features, labels, 1));
  const attentionMs = await timed(() => attentionOf(nets.menet, batches(1, 4)));
  tf.dispose([batch.me, batch.id]);
  nets.dispose();
  const epochS = (Math.ceil(trainClips / batchSize) * stepMs) / 1000;
  const probeS = (forwardMs + fitMs) / 1000;
  const perFoldS = 2 * probeS + attentionMs / 1000;
  return [
    `backend ${backend.name} (${backend.threads} thread${backend.threads === 1 ? '' : 's'}), lite, T = 8, batch ${batchSize}`,
    `MENet epoch (${trainClips} clips, stage-4 steps of ${stepMs.toFixed(0)} ms): ${epochS.toFixed(1)} s`,
    `identity probe (${probeClips} clips: features ${forwardMs.toFixed(0)} ms, nearest-class-mean ${fitMs.toFixed(1)} ms): ${probeS.toFixed(2)} s = ${((100 * probeS) / epochS).toFixed(1)} % of an epoch`,
    `attention maps of 4 test clips: ${attentionMs.toFixed(0)} ms`,
    `per fold (two probes + maps): ${perFoldS.toFixed(1)} s = ${((100 * perFoldS) / (60 * epochS)).toFixed(2)} % of the default 60 epochs`,
  ].join('\n');
}
