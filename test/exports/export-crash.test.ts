/**
 * An export is written into a partial folder beside its target and renamed when complete; a
 * process killed meanwhile must not leave that folder in the user's export folder.
 */
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Job } from '../../src/shared/api/jobs';
import { databaseFileName } from '../../src/main/core/data-dir';
import { openDatabase } from '../../src/main/core/db/connection';
import { createJobsRepository } from '../../src/main/core/db/repositories/jobs';
import { createTestBackend, tempDir } from '../helpers/backend';
import { makeTrainingProject, type TrainingProject } from '../helpers/training-project';

let project: TrainingProject;
const outRoot = tempDir('mer-export-crash-');
const partials = () => readdirSync(outRoot).filter((name) => name.includes('.partial-'));

beforeAll(() => {
  project = makeTrainingProject();
  project.db.close();
});
afterAll(() => project.dispose());

async function until<T>(probe: () => T | undefined, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

test('an export whose worker is killed while copying frames leaves neither the target nor its partial folder', { timeout: 120_000 }, async () => {
  const backend = createTestBackend({ dataDir: project.dataDir });
  try {
    const out = path.join(outRoot, 'killed');
    const job = (await backend.dispatch('jobs.start', { kind: 'datasets.export', params: { projectId: project.projectId, protocol: 'loso', copyFrames: true, out } })) as Job;
    // The partial folder is named after the worker that writes it.
    const partial = await until(() => partials()[0]);
    process.kill(Number(/\.partial-(\d+)-/.exec(partial)![1]), 'SIGKILL');
    const failed = (await backend.dispatch('jobs.wait', { id: job.id, timeoutMs: 60_000 })) as Job;
    expect(failed.status).toBe('failed');
    expect(failed.error).toMatch(/killed by SIGKILL/);
    expect(partials()).toEqual([]);
    expect(existsSync(out)).toBe(false);
  } finally {
    await backend.close();
  }
});

test('at start-up, the partial folder of an export a dead process was writing is removed (not one still being written) and its job marked interrupted', async () => {
  const out = path.join(outRoot, 'interrupted');
  const db = openDatabase(path.join(project.dataDir, databaseFileName));
  const jobs = createJobsRepository(db);
  const id = jobs.insert('datasets.export', { projectId: project.projectId, protocol: 'loso', out }, true);
  jobs.markRunning(id);
  db.close();
  // What a killed server and worker leave: the running job and a half-written folder of a process
  // that is gone; beside it, one whose writer still runs (a worker of the killed server finishing
  // on its own) and a folder of the user's that only looks alike.
  const gone = 99_999_999;
  const stillWriting = `interrupted.partial-${process.pid}-1700000000000`;
  mkdirSync(path.join(`${out}.partial-${gone}-1700000000000`, 'frames'), { recursive: true });
  mkdirSync(path.join(outRoot, stillWriting));
  mkdirSync(path.join(outRoot, 'interrupted.partial-notes'));

  const backend = createTestBackend({ dataDir: project.dataDir });
  try {
    expect(((await backend.dispatch('jobs.get', { id })) as Job).status).toBe('interrupted');
    expect(partials().sort()).toEqual(['interrupted.partial-notes', stillWriting].sort());
  } finally {
    await backend.close();
  }
});
