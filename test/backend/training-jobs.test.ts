import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LabelEvent } from '../../src/shared/api/events';
import type { Job } from '../../src/shared/api/jobs';
import type { EpochRecord, Run, RunSummary } from '../../src/shared/api/training';
import { runDirectory } from '../../src/main/core/training/run-folders';
import { createTestBackend } from '../helpers/backend';
import { runJob, untilProgress } from '../helpers/jobs';
import { makeTrainingProject, tinyConfig, type TrainingProject } from '../helpers/training-project';

let project: TrainingProject;
let backend: ReturnType<typeof createTestBackend>;

beforeAll(() => {
  project = makeTrainingProject();
  project.db.close();
  backend = createTestBackend({ dataDir: project.dataDir });
});
afterAll(async () => {
  await backend.dispose();
  project.dispose();
});

const oneFold = (epochs: [number, number, number, number]) => tinyConfig(project.projectId, { protocol: { protocol: 'kfold', folds: 3, onlyFolds: [0] }, training: { epochs, batchSize: 4, learningRate: 0.01 } });

describe('training as a job, read through the contract', { timeout: 240_000 }, () => {
  it('a training.run job trains in its worker, and the run, its curves and pooled metrics can be read', async () => {
    const job = await runJob(backend, 'training.run', { config: oneFold([1, 1, 1, 1]), name: 'smoke' });
    expect(job.error).toBeNull();
    expect(job.status).toBe('succeeded');
    const { runId } = job.result as { runId: number };
    const runs = (await backend.dispatch('training.runs.list', { projectId: project.projectId })) as RunSummary[];
    expect(runs[0]).toMatchObject({ id: runId, name: 'smoke', status: 'succeeded', jobId: job.id, classes: ['happiness', 'surprise'] });
    const run = (await backend.dispatch('training.runs.get', { id: runId })) as Run;
    expect(run.folds).toHaveLength(1);
    expect(run.pooled?.samples).toBe(run.folds[0]!.testSamples);
    expect(run.config.training.epochs).toEqual([1, 1, 1, 1]);
    const epochs = (await backend.dispatch('training.runs.epochs', { id: runId })) as EpochRecord[];
    expect(epochs.map((e) => e.stage)).toEqual([1, 2, 3, 4]);
  });

  it('cancelling a run keeps it resumable; a resume job finishes it', async () => {
    const started = (await backend.dispatch('jobs.start', { kind: 'training.run', params: { config: oneFold([2, 3, 2, 3]) } })) as Job;
    await untilProgress(backend, started.id, 0.3);
    await backend.dispatch('jobs.cancel', { id: started.id });
    const cancelled = (await backend.dispatch('jobs.wait', { id: started.id, timeoutMs: 60_000 })) as Job;
    expect(cancelled.status).toBe('cancelled');
    const [run] = (await backend.dispatch('training.runs.list', { projectId: project.projectId })) as RunSummary[];
    expect(run!.status).toBe('cancelled');
    const resumed = await runJob(backend, 'training.run', { resumeRunId: run!.id });
    expect(resumed.status).toBe('succeeded');
    expect((resumed.result as { runId: number }).runId).toBe(run!.id);
    const epochs = (await backend.dispatch('training.runs.epochs', { id: run!.id })) as EpochRecord[];
    expect(epochs).toHaveLength(10);
  });

  it('a run whose events were edited since it started is not resumed on other data; undoing the edit lets it resume', async () => {
    const started = (await backend.dispatch('jobs.start', { kind: 'training.run', params: { config: oneFold([2, 3, 2, 3]), name: 'edited' } })) as Job;
    await untilProgress(backend, started.id, 0.3);
    await backend.dispatch('jobs.cancel', { id: started.id });
    await backend.dispatch('jobs.wait', { id: started.id, timeoutMs: 60_000 });
    const run = ((await backend.dispatch('training.runs.list', { projectId: project.projectId })) as RunSummary[]).find((r) => r.name === 'edited')!;
    const { events: items } = (await backend.dispatch('events.list', { projectId: project.projectId })) as { events: LabelEvent[] };
    const event = items[0]!;
    const edited = (await backend.dispatch('events.update', { id: event.id, annotatorId: event.annotatorId, version: event.version, offset: event.offset - 1 })) as LabelEvent;
    const refused = await runJob(backend, 'training.run', { resumeRunId: run.id });
    expect(refused.status).toBe('failed');
    expect(refused.error).toContain(`The project's events changed since run ${run.id} started (still ${items.length} samples, but their frames, subjects or classes changed)`);
    await backend.dispatch('events.update', { id: event.id, annotatorId: event.annotatorId, version: edited.version, offset: event.offset });
    const resumed = await runJob(backend, 'training.run', { resumeRunId: run.id });
    expect(resumed.error).toBeNull();
    expect(resumed.status).toBe('succeeded');
  });

  it('a new run is not confused by a folder a deleted run left under the same id', async () => {
    const runs = (await backend.dispatch('training.runs.list', { projectId: project.projectId })) as RunSummary[];
    const nextId = Math.max(0, ...runs.map((r) => r.id)) + 1;
    const leftover = runDirectory(project.dataDir, nextId);
    mkdirSync(leftover, { recursive: true });
    writeFileSync(path.join(leftover, 'checkpoint.bin'), 'a checkpoint of a run that was deleted');
    const job = await runJob(backend, 'training.run', { config: oneFold([1, 1, 1, 1]), name: 'fresh' });
    expect(job.error).toBeNull();
    expect((job.result as { runId: number }).runId).toBe(nextId);
  });

  it('resuming a run that finished is refused with the reason', async () => {
    const run = ((await backend.dispatch('training.runs.list', { projectId: project.projectId })) as RunSummary[]).find((r) => r.status === 'succeeded');
    const job = await runJob(backend, 'training.run', { resumeRunId: run!.id });
    expect(job.status).toBe('failed');
    expect(job.error).toBe(`Run ${run!.id} has finished; there is nothing to resume`);
  });
});

describe('the speed probe', { timeout: 120_000 }, () => {
  it('times each stage of the plan and scales it to the project: steps per epoch from the first fold', async () => {
    const job = await runJob(backend, 'training.probe', { config: tinyConfig(project.projectId, { training: { epochs: [1, 2, 1, 2], batchSize: 4, learningRate: 0.01 } }) });
    expect(job.error).toBeNull();
    const probe = job.result as { backend: string; trainSamples: number; stepsPerEpoch: number; stages: { stage: number; stepMs: number; epochSeconds: number }[]; runSeconds: number };
    expect(probe.backend).toBe('cpu');
    expect(probe.stepsPerEpoch).toBe(Math.ceil(probe.trainSamples / 4));
    expect(probe.stages.map((s) => s.stage)).toEqual([1, 2, 3, 4]);
    for (const s of probe.stages) expect(s.epochSeconds).toBeCloseTo((s.stepMs * probe.stepsPerEpoch) / 1000, 6);
    const perFold = probe.stages.reduce((sum, s) => sum + s.epochSeconds * [1, 2, 1, 2][s.stage - 1]!, 0);
    expect(probe.runSeconds).toBeCloseTo(perFold * 3, 6);
  });
});
