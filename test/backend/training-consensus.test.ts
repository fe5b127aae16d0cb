import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Annotator, LabelEvent } from '../../src/shared/api/events';
import type { TrainingDataPreview } from '../../src/shared/api/training-preview';
import { databaseFileName } from '../../src/main/core/data-dir';
import { openDatabase } from '../../src/main/core/db/connection';
import { trainingSamples } from '../../src/main/ml/train/training-samples';
import { createTestBackend } from '../helpers/backend';
import { makeTrainingProject, tinyConfig, type TrainingProject } from '../helpers/training-project';

let project: TrainingProject;
let backend: ReturnType<typeof createTestBackend>;
let consensusIds: number[];

beforeAll(async () => {
  // Three subjects (s1-s3), each with 2 happiness and 2 surprise events by the coder Ana.
  project = makeTrainingProject(3);
  project.db.close();
  backend = createTestBackend({ dataDir: project.dataDir });
  const ana = (await backend.dispatch('events.list', { projectId: project.projectId, limit: 1000 })) as { events: LabelEvent[] };
  const bo = (await backend.dispatch('annotators.create', { name: 'Bo' })) as Annotator;
  // Bo codes the first happiness and the first surprise event of each subject again; each pair is adjudicated.
  const firstOfEach = ana.events.filter((e, i, all) => all.findIndex((o) => o.recordingId === e.recordingId && o.emotion === e.emotion) === i);
  consensusIds = [];
  for (const a of firstOfEach) {
    const b = (await backend.dispatch('events.create', { recordingId: a.recordingId, annotatorId: bo.id, onset: a.onset + 1, apex: a.apex, offset: a.offset, emotion: a.emotion })) as LabelEvent;
    const pick = { onset: 'b', apex: 'a', offset: 'a', emotion: 'a', aus: 'a' } as const;
    const consensus = (await backend.dispatch('events.adjudicate', { aId: a.id, bId: b.id, annotatorId: bo.id, pick })) as LabelEvent;
    consensusIds.push(consensus.id);
  }
});
afterAll(async () => {
  await backend.dispose();
  project.dispose();
});

describe('training on double-coded consensus events only', () => {
  it('picks exactly the consensus events, never either coder\'s own codings', () => {
    const db = openDatabase(path.join(project.dataDir, databaseFileName));
    try {
      const consensus = trainingSamples(db, tinyConfig(project.projectId, { data: { consensusOnly: true }, protocol: { protocol: 'loso' } }));
      expect(consensus.samples.map((s) => s.id).sort((a, b) => a - b)).toEqual([...consensusIds].sort((a, b) => a - b));
      for (const fold of consensus.split.folds) expect([...fold.train, ...fold.validation, ...fold.test].sort((a, b) => a - b)).toEqual([...consensusIds].sort((a, b) => a - b));
      expect(consensus.dropped.filter((d) => d.reason === 'not a consensus of two coders')).toHaveLength(project.events + consensusIds.length);
      // The default keeps today's behaviour: every event, the consensus and both coders' codings.
      const all = trainingSamples(db, tinyConfig(project.projectId, { protocol: { protocol: 'loso' } }));
      expect(all.samples).toHaveLength(project.events + 2 * consensusIds.length);
    } finally {
      db.close();
    }
  });

  it('the wizard\'s class counts per subject follow the choice', async () => {
    const preview = (data: object) => backend.dispatch('training.previewData', { projectId: project.projectId, data, protocol: { protocol: 'loso' } }) as Promise<TrainingDataPreview>;
    const consensus = await preview({ consensusOnly: true });
    expect(consensus.problem).toBeNull();
    expect(consensus.subjects).toEqual(['s1', 's2', 's3'].map((subject) => ({ subject, dataset: 'Tiny', counts: [1, 1] })));
    expect(consensus.dropped).toEqual([{ reason: 'not a consensus of two coders', events: 18 }]);
    const all = await preview({});
    // Per subject and class: Ana's two codings, Bo's one and their consensus.
    expect(all.subjects.map((s) => s.counts)).toEqual([[4, 4], [4, 4], [4, 4]]);
  });
});
