import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Project } from '../../src/shared/api/projects';
import { TrainingConfig } from '../../src/shared/api/training';
import { openDataDir } from '../../src/main/cli/data-access';
import { createTrainingRunsRepository } from '../../src/main/core/db/repositories/training-runs';
import { createTestBackend, tempDir } from '../helpers/backend';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

/** A run row of the project, with a checkpoint in its folder as a run leaves it. */
function runWithFolder(dataDir: string, projectId: number): { id: number; dir: string } {
  const session = openDataDir(dataDir);
  const id = createTrainingRunsRepository(session.db).create({ projectId, jobId: null, name: 'run', group: null, config: TrainingConfig.parse({ projectId }), classes: ['a', 'b'] });
  session.close(false);
  const dir = path.join(dataDir, 'runs', String(id));
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'checkpoint.bin'), 'weights');
  return { id, dir };
}

describe('run folders on disk', () => {
  it('deleting a project removes its runs’ folders and keeps other projects’', async () => {
    const dataDir = tempDir('mer-run-folders-');
    let backend = createTestBackend({ dataDir });
    const doomed = (await backend.dispatch('projects.create', { name: 'Doomed' })) as Project;
    const kept = (await backend.dispatch('projects.create', { name: 'Kept' })) as Project;
    await backend.close();
    const doomedRun = runWithFolder(dataDir, doomed.id);
    const keptRun = runWithFolder(dataDir, kept.id);
    backend = createTestBackend({ dataDir });
    cleanups.push(() => backend.dispose());
    await backend.dispatch('projects.delete', { id: doomed.id });
    expect(existsSync(doomedRun.dir)).toBe(false);
    expect(existsSync(path.join(keptRun.dir, 'checkpoint.bin'))).toBe(true);
  });

  it('a folder whose run is gone (a crash after the delete committed) is swept at the next start; others stay', async () => {
    const dataDir = tempDir('mer-run-folders-');
    const first = createTestBackend({ dataDir });
    const project = (await first.dispatch('projects.create', { name: 'Lab' })) as Project;
    await first.close();
    const live = runWithFolder(dataDir, project.id);
    const orphan = path.join(dataDir, 'runs', String(live.id + 40));
    const notARun = path.join(dataDir, 'runs', 'notes');
    for (const dir of [orphan, notARun]) mkdirSync(dir, { recursive: true });
    const backend = createTestBackend({ dataDir });
    cleanups.push(() => backend.dispose());
    expect(existsSync(orphan)).toBe(false);
    expect(existsSync(path.join(live.dir, 'checkpoint.bin'))).toBe(true);
    expect(existsSync(notARun)).toBe(true);
  });
});
