import * as tf from '@tensorflow/tfjs-core';
import type { Db } from '../../core/db/connection';
import { createTrainingRunsRepository } from '../../core/db/repositories/training-runs';
import type { ToolSettings } from '../../core/media/locate-tools';
import { requireTools } from '../../core/media/tools';
import { batches } from '../data/batches';
import { createClipCache } from '../data/clip-cache';
import { selectBackend } from '../tf/backend';
import { threadsFor } from '../tf/wasm';
import { predict } from './evaluate';
import { clipSamplesOf, clipSettingsOf } from './fold-data';
import { loadFoldModel } from './fold-model';
import { buildNetworks } from './networks';
import { runDirectory } from '../../core/training/run-folders';
import { trainingSamples } from './training-samples';

export interface EventPrediction {
  eventId: number;
  subject: string;
  label: string;
  predicted: string;
  /** Mean of the fold models' class probabilities. */
  probabilities: number[];
}

/**
 * Predicts every event the run's data selection covers with the run's fold models (each the
 * MENet chosen on its validation split), averaging their probabilities. Note that an event a fold
 * trained on is seen by that fold's model: for held-out figures use the run's results instead.
 */
export async function predictWithRun(ctx: { db: Db; dataDir: string; mediaRoot: string; tools: ToolSettings; signal: AbortSignal }, runId: number): Promise<{ classes: string[]; models: number; predictions: EventPrediction[] }> {
  const run = createTrainingRunsRepository(ctx.db).get(runId);
  if (!run) throw new Error(`There is no training run ${runId}`);
  const config = run.config;
  const data = trainingSamples(ctx.db, config);
  if (data.classes.join('\n') !== run.classes.join('\n')) throw new Error(`The project's classes changed since run ${runId} (${run.classes.join(', ')} then, ${data.classes.join(', ')} now)`);
  await selectBackend(config.backend, { wasmThreads: threadsFor(config.wasmThreads) });
  const settings = clipSettingsOf(config);
  const samples = clipSamplesOf(config, data);
  const cache = createClipCache({ dataDir: ctx.dataDir, mediaRoot: ctx.mediaRoot, tools: requireTools(ctx.tools) });
  const sums = new Map<number, number[]>();
  let models = 0;
  for (const fold of data.split.folds) {
    const saved = loadFoldModel(runDirectory(ctx.dataDir, runId), fold.index);
    if (!saved) continue;
    const nets = buildNetworks({ ...config, ablation: { ...config.ablation, decoupling: false } }, { emotionClasses: data.classes.length, identityClasses: saved.state.identityClasses }, 0);
    try {
      for (const [name, value] of Object.entries(saved.weights)) nets.variables()[name]!.assign(value);
      const out = await predict(nets.menet, batches({ cache, samples, settings, normalisation: saved.state.normalisation, subjects: [], batchSize: 8, mode: 'eval', seed: 0, epoch: 0, signal: ctx.signal }));
      for (const p of out) {
        const sum = sums.get(p.sampleId) ?? new Array<number>(data.classes.length).fill(0);
        p.probabilities.forEach((v, i) => (sum[i]! += v));
        sums.set(p.sampleId, sum);
      }
      models++;
    } finally {
      nets.dispose();
      tf.dispose(Object.values(saved.weights));
    }
  }
  if (models === 0) throw new Error(`Run ${runId} has no saved fold models (it finished no fold)`);
  const predictions = samples.map((s) => {
    const probabilities = sums.get(s.id)!.map((v) => v / models);
    const best = probabilities.indexOf(Math.max(...probabilities));
    return { eventId: s.id, subject: s.subject, label: s.label, predicted: data.classes[best]!, probabilities };
  });
  return { classes: data.classes, models, predictions };
}
