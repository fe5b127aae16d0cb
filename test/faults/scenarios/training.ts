import type { ApiClient } from '../../../src/shared/client/api-client';
import { violate } from '../tally';
import { startAndKill } from './kill-job';
import type { Scenario } from './types';

/**
 * (c) A tiny training run killed at a seeded moment. Afterwards its job and its run are marked
 * interrupted, and resuming the run (training.run with resumeRunId) finishes it with every epoch
 * of its plan; an acknowledged run is still finished.
 */
export function trainingScenario(): Scenario {
  return async (ctx) => {
    const { fixture, tally, where } = ctx;
    const name = `fault trial ${ctx.trial}`;
    const { job, finished: heard } = await startAndKill(ctx, 'training.run', { config: fixture.trainingConfig, name });

    return async (after: ApiClient) => {
      const counts = tally.perKind.training;
      if (heard?.status === 'succeeded') counts.acknowledged++;
      else counts.inFlight++;
      const now = await after.call('jobs.get', { id: job.id });
      if (now.status === 'interrupted') counts.killedRunning++;
      else if (now.status !== 'succeeded') violate(tally, null, `${where}: training job ${job.id} ended ${now.status} (${now.error ?? now.message}), not succeeded or interrupted`);
      const run = (await after.call('training.runs.list', { projectId: fixture.trainingProjectId })).find((r) => r.name === name);
      if (!run) {
        // Killed before the worker wrote the run: nothing was started, nothing to resume.
        if (now.status === 'succeeded') violate(tally, 'lost', `${where}: training job ${job.id} succeeded but its run is gone`);
        return;
      }
      if (heard?.status === 'succeeded' && run.status !== 'succeeded') violate(tally, 'lost', `${where}: run ${run.id} was acknowledged as finished but is ${run.status}`);
      if (run.status === 'succeeded') return;
      if (run.status !== 'interrupted') {
        violate(tally, null, `${where}: run ${run.id} is ${run.status} (${run.message}) after the kill; it should be interrupted`);
        return;
      }
      const resume = await after.call('jobs.start', { kind: 'training.run', params: { resumeRunId: run.id } });
      const resumed = await after.call('jobs.wait', { id: resume.id, timeoutMs: 600_000 });
      const finished = await after.call('training.runs.get', { id: run.id });
      const epochs = await after.call('training.runs.epochs', { id: run.id });
      const planned = fixture.trainingConfig.training.epochs.reduce((a, b) => a + b, 0);
      if (resumed.status !== 'succeeded' || finished.status !== 'succeeded') {
        violate(tally, null, `${where}: resuming run ${run.id} ended ${resumed.status} (${resumed.error ?? resumed.message}); the run is ${finished.status}`);
      } else if (finished.folds.length !== 1 || epochs.length !== planned) {
        violate(tally, null, `${where}: resumed run ${run.id} has ${finished.folds.length} fold result(s) and ${epochs.length} epoch records; expected 1 and ${planned}`);
      } else {
        tally.resumed++;
      }
    };
  };
}
