import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ablationRows } from '../../src/shared/api/training';
import { createTrainingDiagnosticsRepository } from '../../src/main/core/db/repositories/training-diagnostics';
import { createTrainingRunsRepository } from '../../src/main/core/db/repositories/training-runs';
import { JobCancelled } from '../../src/main/core/jobs/worker/context';
import { createJobsRepository } from '../../src/main/core/db/repositories/jobs';
import { runDirectory } from '../../src/main/core/training/run-folders';
import { runTraining, type TrainingContext } from '../../src/main/ml/train/run-training';
import { makeTrainingProject, tinyConfig, type TrainingProject } from '../helpers/training-project';

let project: TrainingProject;

beforeAll(() => {
  project = makeTrainingProject();
});
afterAll(() => project.dispose());

function contextFor(signal = new AbortController().signal, onProgress?: (fraction: number, message: string) => void): TrainingContext {
  return {
    db: project.db,
    dataDir: project.dataDir,
    mediaRoot: project.mediaRoot,
    tools: {},
    signal,
    jobId: null,
    progress: (fraction, message) => {
      onProgress?.(fraction, message);
      if (signal.aborted) return Promise.reject(new JobCancelled());
      return Promise.resolve();
    },
  };
}

describe('a training run end to end (cpu backend, tiny network)', { timeout: 180_000 }, () => {
  it('trains every fold through the four stages and stores curves, fold results and one prediction per event', async () => {
    const outcome = await runTraining(contextFor(), { config: tinyConfig(project.projectId) });
    const runs = createTrainingRunsRepository(project.db);
    const run = runs.get(outcome.runId)!;
    expect(run.status).toBe('succeeded');
    expect(run.backend?.name).toBe('cpu');
    expect(run.classes).toEqual(['happiness', 'surprise']);
    expect(run.folds.map((f) => f.fold)).toEqual([0, 1, 2]);
    // 3 folds x 4 stages x 1 epoch.
    expect(runs.epochs(outcome.runId).map((e) => `${e.fold}/${e.stage}`)).toEqual(['0/1', '0/2', '0/3', '0/4', '1/1', '1/2', '1/3', '1/4', '2/1', '2/2', '2/3', '2/4']);
    const stage2 = runs.epochs(outcome.runId).find((e) => e.stage === 2)!;
    expect(Object.keys(stage2.losses).sort()).toEqual(['ce_e', 'div', 'mi', 'total']);
    const predictions = runs.predictions(outcome.runId);
    expect(predictions).toHaveLength(project.events);
    expect(new Set(predictions.map((p) => p.eventId)).size).toBe(project.events);
    expect(outcome.pooled.samples).toBe(project.events);
    expect(outcome.pooled.confusion.flat().reduce((a, b) => a + b, 0)).toBe(project.events);
    // The fold's checkpoint is removed once its result is stored.
    expect(existsSync(path.join(runDirectory(project.dataDir, outcome.runId), 'checkpoint.bin'))).toBe(false);
  });

  it('a row without decoupling trains MENet alone, in one stage', async () => {
    const outcome = await runTraining(contextFor(), { config: tinyConfig(project.projectId, { ablation: ablationRows[1], protocol: { protocol: 'kfold', folds: 3, onlyFolds: [0] } }) });
    const epochs = createTrainingRunsRepository(project.db).epochs(outcome.runId);
    expect(epochs.map((e) => [e.stage, e.epoch])).toEqual([[2, 1], [2, 2]]);
    expect(Object.keys(epochs[0]!.losses).sort()).toEqual(['ce_e', 'total']);
  });

  it('a cancelled run keeps its state, and resuming it gives exactly the predictions of a run never stopped', async () => {
    const config = tinyConfig(project.projectId, { protocol: { protocol: 'kfold', folds: 3, onlyFolds: [1] }, training: { epochs: [1, 2, 1, 2], batchSize: 4, learningRate: 0.01 } });
    const straight = await runTraining(contextFor(), { config });

    const controller = new AbortController();
    let epochsSeen = 0;
    const ctx = contextFor(controller.signal, (_f, message) => {
      // Stop in the middle of stage 3, after three epochs have been checkpointed.
      if (message.includes('Stage 3') && epochsSeen++ === 0) controller.abort();
    });
    await expect(runTraining(ctx, { config })).rejects.toBeInstanceOf(JobCancelled);
    const runs = createTrainingRunsRepository(project.db);
    const stopped = runs.list(project.projectId)[0]!;
    expect(stopped.status).toBe('cancelled');
    expect(runs.epochs(stopped.id)).toHaveLength(3);

    const resumed = await runTraining(contextFor(), { resumeRunId: stopped.id });
    expect(resumed.runId).toBe(stopped.id);
    expect(runs.get(stopped.id)!.status).toBe('succeeded');
    const strip = (id: number) => runs.predictions(id).map(({ eventId, predictedClass, probabilities }) => ({ eventId, predictedClass, probabilities }));
    expect(strip(stopped.id)).toEqual(strip(straight.runId));
    expect(runs.epochs(stopped.id).map((e) => e.losses)).toEqual(runs.epochs(straight.runId).map((e) => e.losses));
    // The identity probe taken before the stop (end of stage 2) travels in the checkpoint.
    const diagnostics = createTrainingDiagnosticsRepository(project.db);
    expect(diagnostics.list(stopped.id)[0]!.identityBefore).not.toBeNull();
    expect(diagnostics.list(stopped.id)).toEqual(diagnostics.list(straight.runId));
    expect(diagnostics.attention(stopped.id, 1)).toEqual(diagnostics.attention(straight.runId, 1));
  });
});

describe('resuming a run whose worker died', { timeout: 180_000 }, () => {
  it('is allowed once its job has finished (failed), and refused while its job still runs', async () => {
    const runs = createTrainingRunsRepository(project.db);
    const jobs = createJobsRepository(project.db);
    const config = tinyConfig(project.projectId, { protocol: { protocol: 'kfold', folds: 3, onlyFolds: [2] } });
    const controller = new AbortController();
    await expect(runTraining(contextFor(controller.signal, (_f, m) => m.includes('Stage 2') && controller.abort()), { config })).rejects.toBeInstanceOf(JobCancelled);
    const run = runs.list(project.projectId)[0]!;
    // As a crash leaves it: the run still marked running, its job's record tells what happened.
    const jobId = jobs.insert('training.run', { config }, true);
    jobs.markRunning(jobId);
    runs.setJob(run.id, jobId);
    await expect(runTraining(contextFor(), { resumeRunId: run.id })).rejects.toThrow(`Run ${run.id} is running`);
    jobs.finish(jobId, { status: 'failed', message: 'Failed', result: null, error: 'The worker crashed' });
    const resumed = await runTraining(contextFor(), { resumeRunId: run.id });
    expect(runs.get(resumed.runId)!.status).toBe('succeeded');
  });
});
