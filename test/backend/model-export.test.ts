import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Job } from '../../src/shared/api/jobs';
import type { ModelExportResult, ModelPredictResult } from '../../src/shared/api/models';
import type { Run, RunPrediction } from '../../src/shared/api/training';
import { createTestBackend } from '../helpers/backend';
import { runJob } from '../helpers/jobs';
import { makeTrainingProject, tinyConfig, type TrainingProject } from '../helpers/training-project';

let project: TrainingProject;
let backend: ReturnType<typeof createTestBackend>;
let outRoot: string;
let run: Run;
let stored: RunPrediction[];

beforeAll(async () => {
  project = makeTrainingProject();
  project.db.close();
  backend = createTestBackend({ dataDir: project.dataDir });
  outRoot = mkdtempSync(path.join(os.tmpdir(), 'mer-models-'));
  const job = await runJob(backend, 'training.run', { config: tinyConfig(project.projectId, { protocol: { protocol: 'kfold', folds: 3, onlyFolds: [0, 1] } }) });
  expect(job.status).toBe('succeeded');
  const { runId } = job.result as { runId: number };
  run = (await backend.dispatch('training.runs.get', { id: runId })) as Run;
  stored = (await backend.dispatch('training.runs.predictions', { id: runId })) as RunPrediction[];
}, 240_000);
afterAll(async () => {
  await backend.dispose();
  project.dispose();
  rmSync(outRoot, { recursive: true, force: true });
});

interface ModelJson {
  generatedBy: string;
  modelTopology: unknown;
  weightsManifest: { paths: string[]; weights: { name: string; shape: number[]; dtype: string }[] }[];
}

const predictJob = (model: object, eventIds: number[]) => runJob(backend, 'models.predict', { model, eventIds });

function expectSamePredictions(result: ModelPredictResult, expected: readonly RunPrediction[]) {
  expect(result.classes).toEqual(run.classes);
  expect(result.predictions.map((p) => p.eventId)).toEqual(expected.map((p) => p.eventId));
  result.predictions.forEach((p, i) => {
    expect(p.predicted).toBe(run.classes[expected[i]!.predictedClass]);
    expect(p.humanLabel).toBe(run.classes[expected[i]!.trueClass]);
    p.probabilities.forEach((v, c) => expect(v).toBeCloseTo(expected[i]!.probabilities[c]!, 5));
  });
}

describe('models.export and models.predict', { timeout: 120_000 }, () => {
  it("saves each fold's MENet as model.json + shards that load back and repeat the run's test predictions", async () => {
    const out = path.join(outRoot, 'tfjs');
    const job = await runJob(backend, 'models.export', { runId: run.id, out });
    expect(job.status).toBe('succeeded');
    const result = job.result as ModelExportResult;
    expect(result.models.map((m) => m.fold)).toEqual([0, 1]);
    expect(readdirSync(out).sort()).toEqual(['fold-1', 'fold-2']);

    const json = JSON.parse(readFileSync(path.join(out, 'fold-1', 'model.json'), 'utf8')) as ModelJson;
    expect(json.generatedBy).toMatch(/^TensorFlow\.js v4\./);
    expect(json.modelTopology).toMatchObject({ architecture: 'MENet', preset: 'lite', classes: run.classes, network: { meInput: 16, widths: [4, 4, 8, 8] }, input: { layout: 'NTHWC', frames: 4, size: 16 } });
    const [manifest] = json.weightsManifest;
    expect(manifest!.paths).toEqual(['group1-shard1of1.bin']);
    expect(manifest!.weights.length).toBe(result.models[0]!.weights);
    for (const w of manifest!.weights) expect(w).toMatchObject({ name: expect.stringMatching(/^menet\//), dtype: 'float32' });
    const bytes = manifest!.weights.reduce((n, w) => n + w.shape.reduce((a, b) => a * b, 1) * 4, 0);
    expect(readFileSync(path.join(out, 'fold-1', manifest!.paths[0]!)).byteLength).toBe(bytes);

    for (const fold of [0, 1]) {
      const expected = stored.filter((p) => p.fold === fold);
      const predicted = await predictJob({ folder: path.join(out, `fold-${fold + 1}`) }, expected.map((p) => p.eventId));
      expect(predicted.status, predicted.error ?? '').toBe('succeeded');
      expectSamePredictions(predicted.result as ModelPredictResult, expected);
    }
  });

  it("predicts from a run's fold directly, the same way", async () => {
    const expected = stored.filter((p) => p.fold === 1);
    const job = await predictJob({ runId: run.id, fold: 1 }, expected.map((p) => p.eventId));
    expect(job.status, job.error ?? '').toBe('succeeded');
    expectSamePredictions(job.result as ModelPredictResult, expected);
    expect((job.result as ModelPredictResult).model).toMatch(new RegExp(`^Run ${run.id} `));
  });

  it('refuses what it cannot do, naming the problem, and writes nothing', async () => {
    const eventIds = [stored[0]!.eventId];
    const failed = async (job: Promise<Job>) => {
      const done = await job;
      expect(done.status).toBe('failed');
      return done.error;
    };
    expect(await failed(predictJob({ runId: run.id, fold: 2 }, eventIds))).toBe(`Run ${run.id} has not finished fold 3 (finished: 1, 2)`);
    expect(await failed(predictJob({ folder: outRoot }, eventIds))).toBe(`${outRoot} holds no model.json (not a TensorFlow.js model folder)`);

    const busy = path.join(outRoot, 'busy');
    mkdirSync(busy);
    writeFileSync(path.join(busy, 'keep.txt'), 'mine');
    expect(await failed(runJob(backend, 'models.export', { runId: run.id, out: busy }))).toMatch(/already exists and is not empty/);
    expect(readdirSync(busy)).toEqual(['keep.txt']);
    expect(await failed(runJob(backend, 'models.export', { runId: run.id, folds: [2], out: path.join(outRoot, 'none') }))).toBe(`Run ${run.id} has not finished fold 3 (finished: 1, 2)`);
    expect(existsSync(path.join(outRoot, 'none'))).toBe(false);

    const damaged = path.join(outRoot, 'damaged');
    expect((await runJob(backend, 'models.export', { runId: run.id, folds: [0], out: damaged })).status).toBe('succeeded');
    unlinkSync(path.join(damaged, 'fold-1', 'group1-shard1of1.bin'));
    expect(await failed(predictJob({ folder: path.join(damaged, 'fold-1') }, eventIds))).toMatch(/^The weight file group1-shard1of1\.bin of .*model\.json is missing$/);
  });

  it("refuses a model whose classes are not the project's", async () => {
    await backend.dispatch('projects.update', { id: project.projectId, labelSet: ['happiness', 'disgust'] });
    const job = await predictJob({ runId: run.id, fold: 0 }, [stored[0]!.eventId]);
    expect(job.status).toBe('failed');
    expect(job.error).toBe('The model\'s classes (happiness, surprise) do not match the project "Tiny" under its label set (happiness, disgust): "surprise" is not among them');
  });
});
