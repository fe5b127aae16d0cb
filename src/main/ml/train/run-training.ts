import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { TrainingConfig, type Metrics } from '../../../shared/api/training';
import { evaluateFolds, evaluatePredictions, type Evaluation } from '../../../shared/domain/metrics';
import { deriveSeed } from '../../../shared/domain/random';
import { planStages } from '../../../shared/domain/training';
import type { Db } from '../../core/db/connection';
import { isFinished } from '../../../shared/api/jobs';
import { createJobsRepository } from '../../core/db/repositories/jobs';
import { createTrainingDiagnosticsRepository } from '../../core/db/repositories/training-diagnostics';
import { createTrainingRunsRepository, type Prediction } from '../../core/db/repositories/training-runs';
import { JobCancelled } from '../../core/jobs/worker/context';
import type { ToolSettings } from '../../core/media/locate-tools';
import { runDirectory } from '../../core/training/run-folders';
import { selectBackend } from '../tf/backend';
import { threadsFor } from '../tf/wasm';
import { clipSamplesOf, createFoldData } from './fold-data';
import { createFoldDiagnostics } from './fold-diagnostics';
import { saveFoldModel } from './fold-model';
import { runFold } from './fold-runner';
import { buildNetworks } from './networks';
import { loadRunCheckpoint, removeRunCheckpoint } from './run-checkpoint';
import { explainFailure } from './explain-failure';
import { checkSamplesUnchanged } from './samples-fingerprint';
import { trainingSamples } from './training-samples';

export interface TrainingContext {
  db: Db;
  dataDir: string;
  mediaRoot: string;
  signal: AbortSignal;
  jobId: number | null;
  tools: ToolSettings;
  /** Progress 0..1 and the cancellation point (throws JobCancelled). */
  progress(fraction: number, message: string): Promise<void>;
}

export type TrainingRequest = { config: TrainingConfig; name?: string | undefined; group?: string | undefined } | { resumeRunId: number };

export interface TrainingOutcome {
  runId: number;
  backend: string;
  classes: string[];
  pooled: Metrics;
  folds: number;
}

export function toMetrics(e: Evaluation, classes: readonly string[]): Metrics {
  return {
    samples: e.samples,
    accuracy: e.accuracy,
    uf1: e.uf1,
    uar: e.uar,
    perClass: e.perClass.map((c, i) => ({ label: classes[i]!, support: c.support, recall: c.recall, precision: c.precision, f1: c.f1 })),
    confusion: e.matrix,
  };
}

/**
 * A training run from start (or from its last checkpoint) to pooled results: folds of the split,
 * the stage plan of the configuration in each, a fold's result and predictions stored as soon as
 * it finishes. Cancelling keeps the finished folds; a crash leaves the run resumable.
 */
export async function runTraining(ctx: TrainingContext, request: TrainingRequest): Promise<TrainingOutcome> {
  const runs = createTrainingRunsRepository(ctx.db);
  const diagnostics = createTrainingDiagnosticsRepository(ctx.db);
  let runId: number;
  let config: TrainingConfig;
  if ('resumeRunId' in request) {
    const run = runs.get(request.resumeRunId);
    if (!run) throw new Error(`There is no training run ${request.resumeRunId}`);
    if (run.status === 'succeeded') throw new Error(`Run ${run.id} has finished; there is nothing to resume`);
    // A run whose worker died is still marked running until the app restarts; its job tells.
    const job = run.jobId === null ? undefined : createJobsRepository(ctx.db).get(run.jobId);
    if (run.status === 'running' && job && !isFinished(job.status)) throw new Error(`Run ${run.id} is running`);
    config = run.config;
    runId = run.id;
    runs.setJob(runId, ctx.jobId);
  } else {
    config = TrainingConfig.parse(request.config);
    const name = request.name ?? `${config.model.preset} ${config.protocol.protocol}`;
    // The run exists from the start, so a run that fails on its data says why in the run list.
    runId = runs.create({ projectId: config.projectId, jobId: ctx.jobId, name, group: request.group ?? null, config, classes: [] });
  }
  const dir = runDirectory(ctx.dataDir, runId);
  // Run ids of deleted runs are reused; a new run must not pick up a folder (a checkpoint, fold models) left by one.
  if (!('resumeRunId' in request)) rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const checkpointFile = path.join(dir, 'checkpoint.bin');
  try {
    await ctx.progress(0, 'Collecting samples and making the split');
    const data = trainingSamples(ctx.db, config);
    checkSamplesUnchanged(dir, runId, data);
    runs.setClasses(runId, data.classes);
    const subjectOf = new Map(data.samples.map((s) => [s.id, s.subject]));
    const clipSamples = new Map(clipSamplesOf(config, data).map((s) => [s.id, s]));
    const backend = await selectBackend(config.backend, { wasmThreads: threadsFor(config.wasmThreads) });
    runs.setBackend(runId, { name: backend.name, detail: backend.detail, versions: backend.versions, threads: backend.threads });
    const plan = planStages(config);
    const done = new Set(runs.get(runId)!.folds.map((f) => f.fold));
    const folds = data.split.folds.filter((f) => config.protocol.onlyFolds === null || config.protocol.onlyFolds.includes(f.index));
    let checkpoint = loadRunCheckpoint(checkpointFile);
    for (const [position, fold] of folds.entries()) {
      if (done.has(fold.index)) continue;
      const share = (f: number, m: string) => ctx.progress((position + f) / folds.length, `${fold.name}: ${m}`);
      const resume = checkpoint && checkpoint.position.fold === fold.index ? checkpoint : null;
      checkpoint = null;
      const trainSubjects = [...new Set(fold.train.map((id) => subjectOf.get(id)!))].sort();
      const nets = buildNetworks(config, { emotionClasses: data.classes.length, identityClasses: trainSubjects.length }, deriveSeed(config.seed, `fold ${fold.index} init`));
      const foldData = await createFoldData({ dataDir: ctx.dataDir, mediaRoot: ctx.mediaRoot, tools: ctx.tools, config, samples: data, fold, trainSubjects, signal: ctx.signal, progress: (f, m) => share(0.1 * f, m) });
      try {
        const outcome = await runFold({
          config,
          plan,
          fold: fold.index,
          nets,
          data: foldData,
          checkpointFile,
          resume,
          hooks: { progress: (f, m) => share(0.1 + 0.9 * f, m), epochDone: (record) => runs.saveEpoch(runId, record) },
          diagnostics: createFoldDiagnostics({ data: foldData, samples: clipSamples, settings: foldData.settings, seed: config.seed, fold: fold.index, batchSize: config.training.batchSize }),
        });
        const predictions: Prediction[] = outcome.predictions.map((p) => ({ fold: fold.index, eventId: p.sampleId, subject: subjectOf.get(p.sampleId)!, trueClass: p.trueClass, predictedClass: p.predictedClass, probabilities: p.probabilities }));
        const evaluation = evaluatePredictions(predictions.map((p) => p.trueClass), predictions.map((p) => p.predictedClass), data.classes.length);
        await saveFoldModel(dir, { fold: fold.index, normalisation: foldData.normalisation, identityClasses: trainSubjects.length }, nets);
        const result = { fold: fold.index, name: fold.name, trainSamples: fold.train.length, validationSamples: fold.validation.length, testSamples: fold.test.length, chosenEpoch: outcome.chosenEpoch, chosenBecause: outcome.chosenBecause, metrics: toMetrics(evaluation, data.classes) };
        ctx.db.transaction(() => {
          runs.saveFold(runId, result, predictions);
          diagnostics.save(runId, fold.index, outcome);
        })();
        removeRunCheckpoint(checkpointFile);
      } finally {
        nets.dispose();
        foldData.dispose();
      }
    }
    const pooled = pooledMetrics(ctx.db, runId, data.classes);
    runs.finish(runId, 'succeeded', `Accuracy ${format(pooled.accuracy)}, UF1 ${format(pooled.uf1)}, UAR ${format(pooled.uar)} over ${pooled.samples} test samples`);
    return { runId, backend: backend.name, classes: data.classes, pooled, folds: folds.length };
  } catch (error) {
    if (error instanceof JobCancelled || ctx.signal.aborted) {
      runs.finish(runId, 'cancelled', 'Cancelled; finished folds are kept and the run can be resumed');
      throw error;
    }
    const explained = explainFailure(error, runs.get(runId)?.backend?.name ?? null);
    runs.finish(runId, 'failed', explained.message);
    throw explained;
  }
}

const format = (x: number | null) => (x === null ? 'n/a' : `${(x * 100).toFixed(1)} %`);

/** The pooled metrics of the folds finished so far, or null before the first (what a run shows). */
export function pooledSoFar(db: Db, runId: number, classes: readonly string[]): Metrics | null {
  const pooled = classes.length > 0 ? pooledMetrics(db, runId, classes) : null;
  return pooled && pooled.samples > 0 ? pooled : null;
}

/** MEGC 2019 pooling over every stored fold's predictions. */
export function pooledMetrics(db: Db, runId: number, classes: readonly string[]): Metrics {
  const predictions = createTrainingRunsRepository(db).predictions(runId);
  const byFold = new Map<number, Prediction[]>();
  for (const p of predictions) byFold.set(p.fold, [...(byFold.get(p.fold) ?? []), p]);
  const { pooled } = evaluateFolds(
    [...byFold.values()].map((ps) => ({ truth: ps.map((p) => p.trueClass), predicted: ps.map((p) => p.predictedClass) })),
    classes.length,
  );
  return toMetrics(pooled, classes);
}
