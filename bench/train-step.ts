import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import { TrainingConfig, type TrainingBackend } from '../src/shared/api/training';
import { planStages } from '../src/shared/domain/training';
import { probeTfBackends } from '../src/main/core/app/tf-backends';
import { softmaxCrossEntropy } from '../src/main/ml/losses/cross-entropy';
import { mineEstimate } from '../src/main/ml/losses/mine';
import { flopsPerSample } from '../src/main/ml/nn/shapes';
import { selectBackend } from '../src/main/ml/tf/backend';
import { Adam } from '../src/main/ml/train/adam';
import { modelConfigOf } from '../src/main/ml/train/model-config';
import { randomBatch } from '../src/main/ml/train/random-batch';
import { buildNetworks } from '../src/main/ml/train/networks';
import { trainStep } from '../src/main/ml/train/train-step';
import type { Batch, Networks } from '../src/main/ml/train/types';

/**
 * Time per training step of the lite network (batch 4, T = 8) on every TensorFlow.js backend that
 * loads here, beside the PyTorch reference (../shared/reference/torch_ref.py) run in the same
 * invocation. The "full step" is the reference's: MENet and IDNet forward and backward with
 * CE_e + CE_d + 0.1·I, then a MINE step on the detached features. The stage-4 step is what our
 * trainer actually runs per batch in the final stage.
 */
const batchSize = 4;
const emotionClasses = 5;
const identityClasses = 68;
const config = TrainingConfig.parse({ projectId: 1, model: { preset: 'lite' }, preprocessing: { frames: 8 } });
const model = modelConfigOf(config, { emotionClasses, identityClasses });

/** The reference's full step, built from our networks, losses and optimiser. */
function fullStep(nets: Networks, batch: Batch, optimisers: { me: Adam; id: Adam; mine: Adam }, perm: number[]): void {
  let fe: tf.Tensor2D | null = null;
  let fd: tf.Tensor2D | null = null;
  const statistic = (d: tf.Tensor2D, e: tf.Tensor2D) => nets.mine!.apply(d, e);
  const { value, grads } = tf.variableGrads(() => {
    const me = nets.menet.apply(batch.me, 'train');
    const id = nets.idnet!.apply(batch.id, 'train');
    fe = tf.keep(me.features);
    fd = tf.keep(id.features);
    tf.dispose([...me.stateUpdates, ...id.stateUpdates].map((u) => u.value));
    const mi = mineEstimate(statistic, id.features, me.features, perm).bound;
    return tf.add(tf.add(softmaxCrossEntropy(me.logits, Array.from(batch.emotion)), softmaxCrossEntropy(id.logits, Array.from(batch.subject))), tf.mul(mi, 0.1));
  }, [...optimisers.me.targets(), ...optimisers.id.targets()]);
  optimisers.me.apply(grads);
  optimisers.id.apply(grads);
  tf.dispose([value, grads]);
  const mineStep = tf.variableGrads(() => tf.neg(mineEstimate(statistic, fd!, fe!, perm).bound), optimisers.mine.targets());
  optimisers.mine.apply(mineStep.grads);
  tf.dispose([mineStep.value, mineStep.grads, fe!, fd!]);
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

async function time(run: () => void, reps: number, warmup: number): Promise<number> {
  for (let i = 0; i < warmup; i++) run();
  const times: number[] = [];
  for (let i = 0; i < reps; i++) {
    const t0 = performance.now();
    run();
    await tf.ready();
    times.push(performance.now() - t0);
  }
  return median(times);
}

function torchReference(): number | null {
  const script = process.env['MER_TORCH_REF'] ?? path.resolve(__dirname, '..', '..', 'shared', 'reference', 'torch_ref.py');
  const python = '/usr/bin/python3';
  if (!existsSync(script) || !existsSync(python)) return null;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'mer-torch-'));
  try {
    const out = path.join(dir, 'torch.json');
    execFileSync(python, [script, '--config', 'lite', '--batch', String(batchSize), '--frames', '8', '--threads', String(os.cpus().length), '--only', 'full', '--json', out], { stdio: ['ignore', 'ignore', 'pipe'], timeout: 600_000 });
    const json = JSON.parse(readFileSync(out, 'utf8')) as { times: { full_step: { median: number } } };
    return json.times.full_step.median * 1000;
  } catch (error) {
    console.error(`PyTorch reference did not run: ${(error as Error).message.split('\n')[0]} (apt-get install -y python3-torch)`);
    return null;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function benchTrainStep(): Promise<string> {
  const flops = flopsPerSample(model);
  // Training ≈ 3x the forward pass (forward, input gradient, weight gradient).
  const fullFlops = 3 * (flops.menet + flops.idnet) * batchSize;
  const available = (await probeTfBackends()).filter((b) => b.available).map((b) => b.name as TrainingBackend);
  // wasm once with one thread and once with two (the threaded build; see src/main/ml/tf/wasm.ts).
  const variants = available.flatMap((name): { name: TrainingBackend; threads: number }[] => (name === 'wasm' ? [{ name, threads: 1 }, { name, threads: Math.min(2, os.cpus().length) }] : [{ name, threads: 1 }]));
  const results: { backend: string; fullMs: number; stageMs: number }[] = [];
  for (const { name, threads } of variants) {
    const backend = await selectBackend(name, { wasmThreads: threads });
    const slow = backend.name === 'cpu';
    const nets = buildNetworks(config, { emotionClasses, identityClasses }, 1);
    const batch = randomBatch({ size: batchSize, frames: model.frames, meInput: model.meInput, idInput: model.idInput, classes: emotionClasses, subjects: identityClasses }, 1);
    const optimisers = { me: new Adam(nets.trainable('menet'), { learningRate: 1e-4 }), id: new Adam(nets.trainable('idnet'), { learningRate: 1e-4 }), mine: new Adam(nets.trainable('mine'), { learningRate: 1e-4 }) };
    const perm = [1, 2, 3, 0];
    const fullMs = await time(() => fullStep(nets, batch, optimisers, perm), slow ? 2 : 5, 1);
    const stage4 = planStages(config)[3]!;
    const stageOptimisers = { branch: new Adam(nets.trainable('menet'), { learningRate: 1e-4 }), mine: optimisers.mine, correction: null };
    const stageMs = await time(() => void trainStep(nets, stage4, batch, stageOptimisers, perm), slow ? 2 : 5, 1);
    console.log(`${backend.name.padEnd(10)} full step ${fullMs.toFixed(0).padStart(6)} ms  (${(fullFlops / (fullMs / 1000) / 1e9).toFixed(1)} GFLOP/s)   stage-4 step ${stageMs.toFixed(0).padStart(6)} ms   threads ${backend.threads}   ${backend.detail}`);
    results.push({ backend: backend.threads > 1 ? `${backend.name}-${backend.threads}threads` : backend.name, fullMs, stageMs });
    nets.dispose();
    tf.dispose([batch.me, batch.id]);
  }
  const best = results.reduce((a, b) => (b.fullMs < a.fullMs ? b : a));
  // The demo project: 96 events, 5 folds -> ~77 training samples -> 20 steps of 4 per epoch.
  const stepsPerEpoch = Math.ceil((96 * 4) / 5 / batchSize);
  console.log(`demo epoch ≈ ${stepsPerEpoch} steps x ${best.stageMs.toFixed(0)} ms = ${((stepsPerEpoch * best.stageMs) / 1000).toFixed(1)} s on ${best.backend} (stage-4 steps; validation adds a forward pass)`);
  console.log(`flops per full step: ${(fullFlops / 1e9).toFixed(2)} GFLOP; machine FP32 peak about 230 GFLOP/s (2 cores, reference README)`);
  const torchMs = torchReference();
  if (torchMs !== null) console.log(`pytorch    full step ${torchMs.toFixed(0).padStart(6)} ms  (${(fullFlops / (torchMs / 1000) / 1e9).toFixed(1)} GFLOP/s by our count)`);
  const ratio = torchMs === null ? 'NA' : (best.fullMs / torchMs).toFixed(2);
  return `train-step backend=${best.backend} ours_ms=${best.fullMs.toFixed(0)} torch_ms=${torchMs === null ? 'NA' : torchMs.toFixed(0)} ratio=${ratio}`;
}
