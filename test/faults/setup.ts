import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { Job } from '../../src/shared/api/jobs';
import type { ApiClient } from '../../src/shared/client/api-client';
import { makeClip } from '../helpers/media';
import { makeTrainingProject, tinyConfig } from '../helpers/training-project';
import type { Fixture } from './scenarios/types';

/** The data directory every trial shares: the tiny learnable training project of the training tests. */
export function makeDataDir(): { dataDir: string; trainingProjectId: number; remove(): void } {
  const project = makeTrainingProject();
  project.db.close();
  return { dataDir: project.dataDir, trainingProjectId: project.projectId, remove: () => rmSync(project.dataDir, { recursive: true, force: true }) };
}

async function runJob(client: ApiClient, kind: Job['kind'], params: object): Promise<Job> {
  const job = await client.call('jobs.start', { kind, params });
  const done = await client.call('jobs.wait', { id: job.id, timeoutMs: 300_000 });
  if (done.status !== 'succeeded') throw new Error(`Setup: the undisturbed ${kind} job ${done.status}: ${done.error ?? done.message}`);
  return done;
}

/**
 * Through the API: a project for imports, and one for labelling with an imported clip and a
 * coder. Training and exports start cold in their first trial.
 */
export async function prepareFixture(client: ApiClient, dataDir: string, trainingProjectId: number): Promise<Fixture> {
  const clipsDir = path.join(dataDir, 'fault-clips');
  const exportsDir = path.join(dataDir, 'fault-exports');
  mkdirSync(exportsDir, { recursive: true });
  const labelSet = ['happiness', 'surprise', 'disgust'];
  const importProject = await client.call('projects.create', { name: 'Fault imports' });
  const labelsProject = await client.call('projects.create', { name: 'Fault labels', labelSet });
  const clip = makeClip(path.join(clipsDir, 'labels.mp4'), { frames: 60, width: 64, height: 48 });
  const imported = await runJob(client, 'recordings.import-video', { projectId: labelsProject.id, path: clip });
  const annotator = await client.call('annotators.create', { name: 'Fault coder' });
  return {
    dataDir,
    clipsDir,
    exportsDir,
    trainingProjectId,
    trainingConfig: tinyConfig(trainingProjectId, { protocol: { protocol: 'kfold', folds: 3, onlyFolds: [0] } }),
    importProjectId: importProject.id,
    labelsProjectId: labelsProject.id,
    labelsRecordingId: (imported.result as { recordingId: number }).recordingId,
    labelSet,
    annotatorId: annotator.id,
    usualWorkMs: {},
  };
}
