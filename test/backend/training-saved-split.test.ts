import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LabelEvent } from '../../src/shared/api/events';
import type { Run, RunPrediction, SavedSplit } from '../../src/shared/api/training';
import type { SavedSplitRead, TrainingDataPreview } from '../../src/shared/api/training-preview';
import { createTestBackend, tempDir } from '../helpers/backend';
import { runJob } from '../helpers/jobs';
import { makeTrainingProject, tinyConfig, type TrainingProject } from '../helpers/training-project';

let project: TrainingProject;
let backend: ReturnType<typeof createTestBackend>;
const outRoot = tempDir('mer-saved-split-');
const exported = path.join(outRoot, 'kfold');
let manifest: { folds: { name: string; train: number[]; validation: number[]; test: number[] }[] };

beforeAll(async () => {
  // Six subjects with 2 happiness and 2 surprise events each; a 3-fold split exported with seed 5.
  project = makeTrainingProject(6);
  project.db.close();
  backend = createTestBackend({ dataDir: project.dataDir });
  const job = await runJob(backend, 'datasets.export', { projectId: project.projectId, protocol: 'kfold', folds: 3, seed: 5, out: exported });
  expect(job.status).toBe('succeeded');
  manifest = JSON.parse(readFileSync(path.join(exported, 'manifest.json'), 'utf8')) as typeof manifest;
});
afterAll(async () => {
  await backend.dispose();
  project.dispose();
});

const read = (folder: string) => backend.dispatch('training.readSavedSplit', { projectId: project.projectId, path: folder }) as Promise<SavedSplitRead>;
const savedConfig = (saved: SavedSplit, onlyFolds: number[] | null = null) => tinyConfig(project.projectId, { protocol: { protocol: 'saved', saved, onlyFolds }, seed: 1 });
const sorted = (ids: readonly number[]) => [...ids].sort((a, b) => a - b);

describe('training on a split saved by the Export page', { timeout: 240_000 }, () => {
  it('reads the export\'s folds whole and trains on exactly them', async () => {
    const saved = await read(exported);
    expect(saved).toMatchObject({ mapping: null, samples: 24, subjects: 6 });
    expect(saved.split).toMatchObject({ path: exported, protocol: 'kfold', seed: 5 });
    expect(saved.split.folds).toEqual(manifest.folds);

    const job = await runJob(backend, 'training.run', { config: savedConfig(saved.split, [1]), name: 'on the export' });
    expect(job.error).toBeNull();
    const { runId } = job.result as { runId: number };
    const run = (await backend.dispatch('training.runs.get', { id: runId })) as Run;
    const fold = manifest.folds[1]!;
    expect(run.folds).toHaveLength(1);
    expect(run.folds[0]).toMatchObject({ fold: 1, name: fold.name, trainSamples: fold.train.length, validationSamples: fold.validation.length, testSamples: fold.test.length });
    const predictions = (await backend.dispatch('training.runs.predictions', { id: runId })) as RunPrediction[];
    expect(sorted(predictions.map((p) => p.eventId))).toEqual(sorted(fold.test));
    // The folds are part of the run's saved configuration.
    expect(run.config.protocol.saved!.folds).toEqual(manifest.folds);
  });

  it('a stored split does not change when the export folder is edited afterwards', async () => {
    const copy = path.join(outRoot, 'edited');
    cpSync(exported, copy, { recursive: true });
    const saved = await read(copy);
    const edited = { ...manifest, folds: manifest.folds.map((f) => ({ ...f, test: f.train, train: f.test })) };
    writeFileSync(path.join(copy, 'manifest.json'), JSON.stringify(edited));
    const preview = (await backend.dispatch('training.previewData', { projectId: project.projectId, protocol: { protocol: 'saved', saved: saved.split } })) as TrainingDataPreview;
    expect(preview.problem).toBeNull();
    expect(preview.folds.map((f) => [f.name, f.train, f.validation, f.test])).toEqual(manifest.folds.map((f) => [f.name, f.train.length, f.validation.length, f.test.length]));
  });

  it('refuses a folder that is not a split export of this project, with the reason', async () => {
    await expect(read(path.join(outRoot, 'nowhere'))).rejects.toMatchObject({ code: 'VALIDATION', message: expect.stringContaining(`There is no folder ${path.join(outRoot, 'nowhere')}`) });
    await expect(read(path.join(exported, 'folds'))).rejects.toMatchObject({ message: expect.stringContaining('There is no manifest.json in') });

    const damaged = path.join(outRoot, 'damaged');
    cpSync(exported, damaged, { recursive: true });
    writeFileSync(path.join(damaged, 'manifest.json'), '{"format": "mer-workstation-split/1", "folds": [');
    await expect(read(damaged)).rejects.toMatchObject({ message: expect.stringContaining('manifest.json is not valid JSON') });
    writeFileSync(path.join(damaged, 'manifest.json'), JSON.stringify({ ...manifest, folds: 'none' }));
    await expect(read(damaged)).rejects.toMatchObject({ message: expect.stringMatching(/manifest.json is damaged: folds: /) });

    const other = path.join(outRoot, 'other-project');
    cpSync(exported, other, { recursive: true });
    writeFileSync(path.join(other, 'manifest.json'), JSON.stringify({ ...manifest, project: 'Elsewhere', projectId: project.projectId + 1 }));
    await expect(read(other)).rejects.toMatchObject({ code: 'VALIDATION', message: 'This split was exported from the project "Elsewhere", not "Tiny"' });
  });

  it('an event of the split deleted since: reading refuses it, and a stored split says which event is gone', async () => {
    const saved = await read(exported);
    const gone = manifest.folds[0]!.test[0]!;
    const event = (await backend.dispatch('events.get', { id: gone })) as LabelEvent;
    await backend.dispatch('events.delete', { id: gone, annotatorId: event.annotatorId, version: event.version });
    await expect(read(exported)).rejects.toMatchObject({ code: 'VALIDATION', message: `1 of the split's 24 events no longer exist in "Tiny" (event ${gone}); export the split again` });
    const preview = (await backend.dispatch('training.previewData', { projectId: project.projectId, protocol: { protocol: 'saved', saved: saved.split } })) as TrainingDataPreview;
    expect(preview.problem).toBe(`The saved split names an event that is not among the samples (deleted, or left out by the data choices): ${gone}`);
    const job = await runJob(backend, 'training.run', { config: savedConfig(saved.split) });
    expect(job.status).toBe('failed');
    expect(job.error).toContain(`${gone}`);
  });
});
