import { afterAll, describe, expect, it } from 'vitest';
import { TrainingConfig } from '../../src/shared/api/training';
import { openDataDir } from '../../src/main/cli/data-access';
import { createProjectsRepository } from '../../src/main/core/db/repositories/projects';
import { createTrainingRunsRepository } from '../../src/main/core/db/repositories/training-runs';
import { modelConfigOf } from '../../src/main/ml/train/model-config';
import { tempDir } from '../helpers/backend';

const session = openDataDir(tempDir('mer-run-config-'));
afterAll(() => session.close(false));

describe('what MENet saw in a stored run', () => {
  const projectId = createProjectsRepository(session.db).insert({ name: 'Runs', labelSet: ['a', 'b'], defaultFps: 50 });
  const runs = createTrainingRunsRepository(session.db);
  const create = (config: TrainingConfig) => runs.create({ projectId, jobId: null, name: 'run', group: null, config, classes: ['a', 'b'] });
  const classes = { emotionClasses: 2, identityClasses: 3 };

  it('a new lite run takes the preset’s choice, the onset difference, and keeps it as the preset’s', () => {
    const id = create(TrainingConfig.parse({ projectId, model: { preset: 'lite' } }));
    const config = runs.get(id)!.config;
    expect(config.model.motionInput).toBeNull();
    expect(modelConfigOf(config, classes).motionInput).toBe('onset-difference');
  });

  it('a run stored before the choice existed saw frames, whatever its preset now says', () => {
    const id = create(TrainingConfig.parse({ projectId, model: { preset: 'lite' } }));
    session.db.prepare(`UPDATE training_runs SET config = json_remove(config, '$.model.motionInput') WHERE id = ?`).run(id);
    const config = runs.get(id)!.config;
    expect(config.model.motionInput).toBe('frames');
    expect(modelConfigOf(config, classes).motionInput).toBe('frames');
  });

  it('an explicit choice is kept', () => {
    const id = create(TrainingConfig.parse({ projectId, model: { preset: 'paper', motionInput: 'onset-difference' } }));
    expect(runs.get(id)!.config.model.motionInput).toBe('onset-difference');
  });
});
