import path from 'node:path';
import { writeFrameImages } from '../helpers/rgb-images';
import { tinyEvents as eventsAt, tinyFrame as frame, tinyFramesPerRecording as framesPerRecording, tinySize as size } from '../helpers/tiny-frames';
import { expect } from './fixtures';
import { importByApi, type apiClient } from './scrubber-steps';

/** Steps of the Results specs: a tiny learnable project and runs started through the API (not the Train wizard). */

export type Api = Awaited<ReturnType<typeof apiClient>>;

/**
 * Six subjects, one 48-frame 16 × 16 image sequence each, imported as a job, with four events
 * each (two happiness, two surprise): 24 events in all.
 */
export async function seedTinyProject(api: Api, scratch: string, name = 'Tiny lab'): Promise<{ projectId: number; events: number }> {
  const project = await api.call<{ id: number }>('projects.create', { name, labelSet: ['happiness', 'surprise'], defaultFps: 50 });
  // Coders are shared by every project: a second tiny project reuses Ana.
  const coders = await api.call<{ id: number; name: string }[]>('annotators.list', {});
  const coder = coders.find((c) => c.name === 'Ana') ?? (await api.call<{ id: number }>('annotators.create', { name: 'Ana' }));
  let events = 0;
  for (let s = 0; s < 6; s++) {
    const subject = await api.call<{ id: number }>('subjects.create', { projectId: project.id, code: `s${s + 1}` });
    const dir = path.join(scratch, `s${s + 1}`);
    writeFrameImages(dir, Array.from({ length: framesPerRecording }, (_, n) => frame(s, n)), size, size);
    const recordingId = await importByApi(api, project.id, 'recordings.import-images', { dir, fps: 50, subjectId: subject.id });
    for (const e of eventsAt) {
      await api.call('events.create', { recordingId, annotatorId: coder.id, onset: e.onset, apex: Math.round((e.onset + e.offset) / 2), offset: e.offset, emotion: e.emotion });
      events++;
    }
  }
  return { projectId: project.id, events };
}

/** A configuration that trains in seconds on the cpu backend (tinyConfig of the backend tests). */
export function tinyConfig(projectId: number, overrides: object = {}) {
  return {
    projectId,
    protocol: { protocol: 'kfold', folds: 3 },
    preprocessing: { frames: 4 },
    model: { preset: 'lite', meInput: 16, idInput: 8, widths: [4, 4, 8, 8] },
    training: { epochs: [1, 1, 1, 1], batchSize: 4, learningRate: 0.01 },
    backend: 'cpu',
    ...overrides,
  };
}

export interface PooledRun {
  id: number;
  pooled: { samples: number; accuracy: number | null; uf1: number | null; uar: number | null };
}

/** Starts a `training.run` job, waits for it to succeed, and returns its run as the API reads it. */
export async function trainByApi(api: Api, params: { config: object; name?: string; group?: string }): Promise<PooledRun> {
  const job = await api.call<{ id: number }>('jobs.start', { kind: 'training.run', params });
  const done = await api.call<{ status: string; error: string | null; result: { runId: number } }>('jobs.wait', { id: job.id, timeoutMs: 80_000 });
  expect(done.error).toBeNull();
  expect(done.status).toBe('succeeded');
  return api.call<PooledRun>('training.runs.get', { id: done.result.runId });
}
