import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Run, RunPrediction } from '../../src/shared/api/training';
import { confusionMatrix } from '../../src/shared/domain/metrics';
import { createTestBackend } from '../helpers/backend';
import { runJob } from '../helpers/jobs';
import { makeTrainingProject, tinyConfig, type TrainingProject } from '../helpers/training-project';

let project: TrainingProject;
let backend: ReturnType<typeof createTestBackend>;

beforeAll(() => {
  project = makeTrainingProject();
  project.db.close();
  backend = createTestBackend({ dataDir: project.dataDir });
});
afterAll(async () => {
  await backend.dispose();
  project.dispose();
});

describe('training.runs.predictions', { timeout: 240_000 }, () => {
  it("returns every test sample of the finished folds, and they add up to the folds' confusion matrices", async () => {
    const config = tinyConfig(project.projectId, { protocol: { protocol: 'kfold', folds: 3, onlyFolds: [0, 2] } });
    const job = await runJob(backend, 'training.run', { config });
    expect(job.status).toBe('succeeded');
    const { runId } = job.result as { runId: number };
    const run = (await backend.dispatch('training.runs.get', { id: runId })) as Run;
    const predictions = (await backend.dispatch('training.runs.predictions', { id: runId })) as RunPrediction[];

    expect(predictions).toHaveLength(run.folds.reduce((n, f) => n + f.testSamples, 0));
    expect(new Set(predictions.map((p) => p.eventId)).size).toBe(predictions.length);
    for (const fold of run.folds) {
      const inFold = predictions.filter((p) => p.fold === fold.fold);
      const matrix = confusionMatrix(inFold.map((p) => p.trueClass), inFold.map((p) => p.predictedClass), run.classes.length);
      expect(matrix).toEqual(fold.metrics.confusion);
    }
    for (const p of predictions) {
      expect(p.probabilities).toHaveLength(run.classes.length);
      expect(p.probabilities.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 4);
      expect(p.subject).toMatch(/^Tiny\/s\d$/);
    }
    expect(new Set(predictions.map((p) => p.fold))).toEqual(new Set([0, 2]));
  });

  it('refuses an unknown run', async () => {
    await expect(backend.dispatch('training.runs.predictions', { id: 999 })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
