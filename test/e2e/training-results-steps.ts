import path from 'node:path';
import { writeFrameImages } from '../helpers/rgb-images';
import { expect } from './fixtures';
import { importByApi, type apiClient } from './scrubber-steps';

/** Steps of the Results specs: a tiny learnable project and runs started through the API (not the Train wizard). */

export type Api = Awaited<ReturnType<typeof apiClient>>;

const size = 16;
const framesPerRecording = 48;
/** As in test/helpers/training-project.ts: a patch grows top-left (happiness) or bottom-right (surprise). */
const eventsAt = [
  { onset: 2, offset: 9, emotion: 'happiness' },
  { onset: 12, offset: 19, emotion: 'surprise' },
  { onset: 24, offset: 31, emotion: 'happiness' },
  { onset: 36, offset: 43, emotion: 'surprise' },
] as const;

function frame(subject: number, n: number): Uint8Array {
  const pixels = new Uint8Array(size * size * 3);
  const background = [30 + 35 * subject, 200 - 30 * subject, 60 + 25 * ((subject * 3) % 7)];
  const event = eventsAt.find((e) => n >= e.onset && n <= e.offset);
  const grow = event ? Math.min(n - event.onset, event.offset - n) + 2 : 0;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const inPatch = event && (event.emotion === 'happiness' ? x < grow && y < grow : x >= size - grow && y >= size - grow);
      pixels.set(inPatch ? [250, 250, 250] : background, (y * size + x) * 3);
    }
  }
  return pixels;
}

/**
 * Six subjects, one 48-frame 16 × 16 image sequence each, imported as a job, with four events
 * each (two happiness, two surprise): 24 events in all.
 */
export async function seedTinyProject(api: Api, scratch: string, name = 'Tiny lab'): Promise<{ projectId: number; events: number }> {
  const project = await api.call<{ id: number }>('projects.create', { name, labelSet: ['happiness', 'surprise'], defaultFps: 50 });
  const coder = await api.call<{ id: number }>('annotators.create', { name: 'Ana' });
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
