import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TrainingConfig, type Run, type RunPrediction, type RunSummary } from '../../src/shared/api/training';
import type { TrainingDataPreview } from '../../src/shared/api/training-preview';
import { LABEL_SETS } from '../../src/shared/domain/labels';
import { createEventsRepository } from '../../src/main/core/db/repositories/events';
import { createRecordingsRepository } from '../../src/main/core/db/repositories/recordings';
import { createEventsService } from '../../src/main/core/labels/events-service';
import { trainingSamples, type TrainingSamples } from '../../src/main/ml/train/training-samples';
import { createTestBackend } from '../helpers/backend';
import { runJob } from '../helpers/jobs';
import { makeTrainingProject, tinyConfig, type TrainingProject } from '../helpers/training-project';

// Two projects in one data directory ("Tiny" and "Other", three subjects s1-s3 each, the same
// subject codes on purpose), a project with other classes, and one without events.
let tiny: TrainingProject;
let other: TrainingProject;
let threeClasses: TrainingProject;
let empty: TrainingProject;
let backend: ReturnType<typeof createTestBackend>;
let config: TrainingConfig;
let split: TrainingSamples;

beforeAll(() => {
  tiny = makeTrainingProject(3);
  other = makeTrainingProject(3, { name: 'Other', into: tiny });
  threeClasses = makeTrainingProject(2, { name: 'Three', labelSet: ['happiness', 'surprise', 'fear'], into: tiny });
  empty = makeTrainingProject(0, { name: 'Empty', into: tiny });
  config = tinyConfig(tiny.projectId, { data: { extraProjectIds: [other.projectId] }, protocol: { protocol: 'kfold', folds: 2 } });
  // The split the run will make, read by the same code before the backend opens the data directory.
  split = trainingSamples(tiny.db, config);
  tiny.db.close();
  backend = createTestBackend({ dataDir: tiny.dataDir });
});
afterAll(async () => {
  await backend.dispose();
  tiny.dispose();
});

const preview = (projectId: number, extraProjectIds: number[], protocol: object = { protocol: 'loso' }) =>
  backend.dispatch('training.previewData', { projectId, data: { extraProjectIds }, protocol }) as Promise<TrainingDataPreview>;

describe('training on several projects at once', { timeout: 240_000 }, () => {
  it('pools both projects\' events before the split, keeps their subjects apart, and the run belongs to its first project', async () => {
    const projectOf = new Map(split.samples.map((s) => [s.id, s.recording.projectId]));
    const subjectOf = new Map(split.samples.map((s) => [s.id, s.subject]));
    expect(split.samples).toHaveLength(tiny.events + other.events);
    expect(new Set(subjectOf.values()).size).toBe(6);
    for (const fold of split.split.folds) {
      const train = new Set([...fold.train, ...fold.validation].map((id) => subjectOf.get(id)));
      const test = new Set(fold.test.map((id) => subjectOf.get(id)));
      expect([...test].filter((s) => train.has(s))).toEqual([]);
    }

    const job = await runJob(backend, 'training.run', { config, name: 'two projects' });
    expect(job.status).toBe('succeeded');
    const { runId } = job.result as { runId: number };
    const run = (await backend.dispatch('training.runs.get', { id: runId })) as Run;
    expect(run.projectId).toBe(tiny.projectId);
    expect(run.config.data.extraProjectIds).toEqual([other.projectId]);
    const predictions = (await backend.dispatch('training.runs.predictions', { id: runId })) as RunPrediction[];
    expect(predictions.map((p) => p.eventId).sort()).toEqual(split.split.folds.flatMap((f) => f.test).sort());
    const tested = new Set(predictions.map((p) => projectOf.get(p.eventId)));
    expect(tested).toEqual(new Set([tiny.projectId, other.projectId]));
    expect(new Set(predictions.map((p) => p.subject))).toEqual(new Set(['Tiny/s1', 'Tiny/s2', 'Tiny/s3', 'Other/s1', 'Other/s2', 'Other/s3']));

    const listed = (id: number) => backend.dispatch('training.runs.list', { projectId: id }) as Promise<RunSummary[]>;
    expect((await listed(tiny.projectId)).map((r) => r.id)).toContain(runId);
    expect((await listed(other.projectId)).map((r) => r.id)).not.toContain(runId);
  });

  it('the preview counts per subject across both projects, named "Project/code"', async () => {
    const result = await preview(tiny.projectId, [other.projectId]);
    expect(result.problem).toBeNull();
    expect(result.classes).toEqual(['happiness', 'surprise']);
    expect(result.samples).toBe(tiny.events + other.events);
    expect(result.subjects.map((s) => [s.subject, s.counts])).toEqual(['Other/s1', 'Other/s2', 'Other/s3', 'Tiny/s1', 'Tiny/s2', 'Tiny/s3'].map((s) => [s, [2, 2]]));
    expect(result.folds.map((f) => f.name)).toContain('subject Other/s1');
    expect(result.folds).toHaveLength(6);
  });

  it('names the project that cannot be trained on: unknown, chosen twice, without events, or with other classes', async () => {
    expect((await preview(tiny.projectId, [999])).problem).toBe('There is no project 999');
    expect((await preview(tiny.projectId, [tiny.projectId])).problem).toBe('The project "Tiny" is chosen twice');
    expect((await preview(tiny.projectId, [empty.projectId])).problem).toMatch(/^The project "Empty" has no usable events/);
    expect((await preview(tiny.projectId, [threeClasses.projectId])).problem).toBe(
      'The project "Three" has the classes happiness, surprise, fear, but "Tiny" has happiness, surprise: choose a mapping that gives every project the same classes',
    );
    const megc = await preview(tiny.projectId, [other.projectId], { protocol: 'megc' });
    expect(megc.problem).toMatch(/^The project "Tiny" has no mapping to use: The MEGC composite protocol needs a mapping/);
  });

  it('a configuration saved before several projects parses and trains on its one project, as before', () => {
    const stored = JSON.parse(JSON.stringify(tinyConfig(tiny.projectId))) as Record<string, Record<string, unknown>>;
    delete stored['data']!['extraProjectIds'];
    const parsed = TrainingConfig.parse(stored);
    expect(parsed.data.extraProjectIds).toEqual([]);
    expect(parsed).toEqual(tinyConfig(tiny.projectId));
    expect(TrainingConfig.parse({ projectId: 1 }).data).toEqual({ extraProjectIds: [], mapping: null, annotatorIds: null, excludeFlagged: false, consensusOnly: false });
  });

  it('one project alone keeps its subjects and folds as before', async () => {
    const result = await preview(tiny.projectId, []);
    expect(result.subjects.map((s) => s.subject)).toEqual(['s1', 's2', 's3']);
    expect(result.folds.map((f) => f.name)).toEqual(['subject Tiny/s1', 'subject Tiny/s2', 'subject Tiny/s3']);
  });
});

describe('the MEGC composite over datasets with their own label sets', () => {
  it('maps each project\'s labels by its own MEGC mapping, found or derived from the chosen one', async () => {
    const casme = makeTrainingProject(3, { name: 'CASME II', labelSet: [...LABEL_SETS.casme2.labels] });
    const samm = makeTrainingProject(3, { name: 'SAMM', labelSet: [...LABEL_SETS.samm.labels], into: casme });
    // One SAMM event is anger: only SAMM's own mapping knows it (negative).
    const [recording] = createRecordingsRepository(casme.db).list(samm.projectId);
    createEventsService(casme.db).create(recording!.id, createEventsRepository(casme.db).annotatorId('Ana'), { onset: 44, apex: 45, offset: 47, emotion: 'anger' });
    casme.db.close();
    const megc = createTestBackend({ dataDir: casme.dataDir });
    try {
      const ask = (mapping: string | null) =>
        megc.dispatch('training.previewData', { projectId: casme.projectId, data: { extraProjectIds: [samm.projectId], mapping }, protocol: { protocol: 'megc' } }) as Promise<TrainingDataPreview>;
      for (const mapping of [null, 'builtin:casme2-to-megc2019']) {
        const result = await ask(mapping);
        expect(result.problem).toBeNull();
        expect(result.classes).toEqual(['negative', 'positive', 'surprise']);
        expect(result.samples).toBe(casme.events + samm.events + 1);
        expect(result.dropped).toEqual([]);
        expect(result.subjects.find((s) => s.subject === 'SAMM/s1')!.counts).toEqual([1, 2, 2]);
        expect(result.folds).toHaveLength(6);
      }
    } finally {
      await megc.dispose();
      casme.dispose();
    }
  });
});
