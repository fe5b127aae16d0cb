import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LabelEvent } from '../../src/shared/api/events';
import { ablationRows, type Run, type RunPrediction } from '../../src/shared/api/training';
import type { FoldAttention, RunDiagnostics } from '../../src/shared/api/training-diagnostics';
import { createTestBackend } from '../helpers/backend';
import { runJob } from '../helpers/jobs';
import { makeTrainingProject, tinyConfig, type TrainingProject } from '../helpers/training-project';
import { tinySize } from '../helpers/tiny-frames';

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

/** 32 x 32 MENet input, so DAO (after stage 3) has a 2 x 2 map rather than a single position. */
const config = (overrides: object) => tinyConfig(project.projectId, { model: { preset: 'lite', meInput: 32, idInput: 8, widths: [4, 4, 8, 8] }, ...overrides });

async function train(overrides: object): Promise<Run> {
  const job = await runJob(backend, 'training.run', { config: config(overrides) });
  expect(job.error).toBeNull();
  return (await backend.dispatch('training.runs.get', { id: (job.result as { runId: number }).runId })) as Run;
}

describe('decoupling diagnostics recorded by a training run', { timeout: 240_000 }, () => {
  it('a decoupled DAO run probes identity after MENet’s first stage and on the kept model, and keeps DAO maps of four test samples per fold', async () => {
    const run = await train({ protocol: { protocol: 'kfold', folds: 3, onlyFolds: [0, 2] } });
    const diagnostics = (await backend.dispatch('training.runs.diagnostics', { id: run.id })) as RunDiagnostics;
    expect(diagnostics).toMatchObject({ dao: true, decoupling: true });
    expect(diagnostics.folds.map((f) => [f.fold, f.name])).toEqual(run.folds.map((f) => [f.fold, f.name]));
    for (const [i, d] of diagnostics.folds.entries()) {
      const fold = run.folds[i]!;
      // One epoch per stage: the end of stage 2, and the epoch of stage 4 the fold kept.
      expect(d.identityBefore).toMatchObject({ stage: 2, epoch: 1 });
      expect(d.identityAfter).toMatchObject({ stage: 4, epoch: fold.chosenEpoch });
      for (const probe of [d.identityBefore!, d.identityAfter!]) {
        // The fold's training and validation clips (4 per subject), halved per subject.
        expect(probe.trainClips + probe.testClips).toBe(fold.trainSamples + fold.validationSamples);
        expect(probe.testClips).toBe(probe.trainClips);
        expect(probe.subjects).toBe((fold.trainSamples + fold.validationSamples) / 4);
        expect(probe.chance).toBeCloseTo(1 / probe.subjects, 12);
        expect(probe.accuracy).toBeCloseTo(probe.correct / probe.testClips, 12);
      }
      expect(d.attentionSamples).toBe(Math.min(4, fold.testSamples));
    }
    const after = diagnostics.folds.map((f) => f.identityAfter!);
    expect(diagnostics.pooled.after).toMatchObject({ folds: 2, testClips: after[0]!.testClips + after[1]!.testClips, correct: after[0]!.correct + after[1]!.correct });
    expect(diagnostics.pooled.before?.folds).toBe(2);

    // The attention samples are test samples of the fold, predicted as the fold's stored predictions say.
    const predictions = (await backend.dispatch('training.runs.predictions', { id: run.id })) as RunPrediction[];
    const attention = (await backend.dispatch('training.runs.attention', { id: run.id, fold: 2 })) as FoldAttention;
    expect(attention).toMatchObject({ fold: 2, name: run.folds[1]!.name });
    expect(attention.samples).toHaveLength(4);
    for (const sample of attention.samples) {
      const prediction = predictions.find((p) => p.eventId === sample.eventId)!;
      expect(prediction.fold).toBe(2);
      expect([sample.trueClass, sample.predictedClass]).toEqual([prediction.trueClass, prediction.predictedClass]);
      expect([sample.height, sample.width]).toEqual([2, 2]);
      expect(sample.maps).toHaveLength(4);
      for (const map of sample.maps) {
        expect(map).toHaveLength(4);
        expect(map.reduce((s, v) => s + v, 0)).toBeCloseTo(1, 2);
      }
      // The frames shown are the clip's: T frames over the event, on the event's recording, uncropped here.
      const event = (await backend.dispatch('events.get', { id: sample.eventId })) as LabelEvent;
      expect(sample.recordingId).toBe(event.recordingId);
      expect(sample.frames).toHaveLength(4);
      expect(sample.frames[0]).toBe(event.onset);
      expect(sample.frames.at(-1)).toBe(event.offset);
      expect(sample.crop).toEqual({ x: 0, y: 0, width: tinySize, height: tinySize });
    }
    // Seeded: the same samples when read again.
    expect(((await backend.dispatch('training.runs.attention', { id: run.id, fold: 2 })) as FoldAttention).samples.map((s) => s.eventId)).toEqual(attention.samples.map((s) => s.eventId));
  });

  it('a row without decoupling or DAO probes only the final model and has no attention maps', async () => {
    const run = await train({ ablation: ablationRows[1], protocol: { protocol: 'kfold', folds: 3, onlyFolds: [1] } });
    const diagnostics = (await backend.dispatch('training.runs.diagnostics', { id: run.id })) as RunDiagnostics;
    expect(diagnostics).toMatchObject({ dao: false, decoupling: false, pooled: { before: null } });
    expect(diagnostics.folds).toHaveLength(1);
    expect(diagnostics.folds[0]).toMatchObject({ fold: 1, identityBefore: null, attentionSamples: 0, identityAfter: { stage: 2, epoch: run.folds[0]!.chosenEpoch } });
    expect(diagnostics.pooled.after?.accuracy).toBe(diagnostics.folds[0]!.identityAfter!.accuracy);
    expect(await backend.dispatch('training.runs.attention', { id: run.id, fold: 1 })).toMatchObject({ fold: 1, samples: [] });
  });

  it('names the problem for an unknown run or a fold without a result', async () => {
    await expect(backend.dispatch('training.runs.diagnostics', { id: 999 })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const [run] = (await backend.dispatch('training.runs.list', { projectId: project.projectId })) as Run[];
    await expect(backend.dispatch('training.runs.attention', { id: run!.id, fold: 0 })).rejects.toMatchObject({ code: 'NOT_FOUND', message: `Run ${run!.id} has no diagnostics for fold 1 (finished folds: 2)` });
  });
});
