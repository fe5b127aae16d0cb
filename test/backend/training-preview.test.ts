import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LabelMappingInfo } from '../../src/shared/api/mappings';
import type { TrainingDataPreview } from '../../src/shared/api/training-preview';
import { createTestBackend } from '../helpers/backend';
import { makeTrainingProject, type TrainingProject } from '../helpers/training-project';

let project: TrainingProject;
let backend: ReturnType<typeof createTestBackend>;

beforeAll(() => {
  // Three subjects (s1-s3), each with 2 happiness and 2 surprise events by the coder Ana.
  project = makeTrainingProject(3);
  project.db.close();
  backend = createTestBackend({ dataDir: project.dataDir });
});
afterAll(async () => {
  await backend.dispose();
  project.dispose();
});

const preview = (query: object) => backend.dispatch('training.previewData', { projectId: project.projectId, ...query }) as Promise<TrainingDataPreview>;

describe('training.previewData: what a run would train on, before it is launched', () => {
  it('counts each subject\'s samples per class and lists the folds of the split', async () => {
    const result = await preview({ protocol: { protocol: 'loso' } });
    expect(result.problem).toBeNull();
    expect(result.classes).toEqual(['happiness', 'surprise']);
    expect(result.subjects).toEqual(['s1', 's2', 's3'].map((subject) => ({ subject, dataset: 'Tiny', counts: [2, 2] })));
    expect(result.samples).toBe(12);
    expect(result.folds.map((f) => f.name)).toEqual(['subject Tiny/s1', 'subject Tiny/s2', 'subject Tiny/s3']);
    for (const fold of result.folds) {
      expect(fold.test).toBe(4);
      expect(fold.train + fold.validation).toBe(8);
    }
  });

  it('says why a run could not start, and still shows the counts', async () => {
    const result = await preview({ protocol: { protocol: 'kfold', folds: 5 } });
    expect(result.problem).toBe('A 5-fold subject-independent split needs at least 5 subjects; there are 3');
    expect(result.folds).toEqual([]);
    expect(result.subjects).toHaveLength(3);
  });

  it('applies the mapping: dropped classes are counted with their reason, and one class left is a problem', async () => {
    const mapping = (await backend.dispatch('mappings.save', { projectId: project.projectId, name: 'Happy only', toLabels: ['positive'], map: { happiness: 'positive', surprise: null } })) as LabelMappingInfo;
    const result = await preview({ data: { mapping: mapping.key }, protocol: { protocol: 'loso' } });
    expect(result.classes).toEqual(['positive']);
    expect(result.subjects.map((s) => s.counts)).toEqual([[2], [2], [2]]);
    expect(result.dropped).toEqual([{ reason: '"surprise" is dropped by the mapping "Happy only"', events: 6 }]);
    expect(result.problem).toBe('Training needs at least two classes; the samples are all "positive"');
  });

  it('only the chosen coders\' events count; a coder without events leaves nothing to train on', async () => {
    const other = (await backend.dispatch('annotators.create', { name: 'Bo' })) as { id: number };
    const result = await preview({ data: { annotatorIds: [other.id] }, protocol: { protocol: 'loso' } });
    expect(result.samples).toBe(0);
    expect(result.problem).toMatch(/no event of the project is left/);
  });

  it('refuses a project that does not exist', async () => {
    await expect(backend.dispatch('training.previewData', { projectId: 999 })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
