import type { Job, JobKind } from '../../../src/shared/api/jobs';
import type { Phase } from '../tally';
import { sleep, type TrialContext } from './types';

function phaseOf(job: Job | null): Phase {
  if (job === null || job.status === 'queued') return 'starting';
  if (job.status !== 'running') return 'finished';
  return job.progress > 0 ? 'working' : 'starting';
}

const isFinished = (job: Job): boolean => job.status !== 'queued' && job.status !== 'running';

/**
 * Starts a job and kills the server at a seeded moment of it: mostly once the job has reported a
 * seeded fraction of its progress (and up to one progress interval later), sometimes within its
 * first half second (while the worker starts). Returns the job, and its outcome if the client
 * heard it before the kill (an acknowledged job).
 */
export async function startAndKill(ctx: TrialContext, kind: JobKind, params: object): Promise<{ job: Job; finished: Job | null }> {
  const { client, rng } = ctx;
  const early = rng.chance(0.15);
  const fraction = rng.next();
  const delayMs = early ? rng.range(0, 500) : rng.range(0, 100);
  const updates = new Map<number, Job>();
  let onUpdate = (): void => undefined;
  const off = client.on('job.updated', (update) => {
    updates.set(update.id, update);
    onUpdate();
  });
  const job = await client.call('jobs.start', { kind, params });
  let finished: Job | null = null;
  const waited = client.call('jobs.wait', { id: job.id, timeoutMs: 600_000 }).then(
    (outcome) => {
      finished = outcome;
      onUpdate();
    },
    () => undefined,
  );
  if (!early) {
    await new Promise<void>((resolve) => {
      // Never waits forever, should an update be missed.
      const timer = setTimeout(resolve, 120_000);
      onUpdate = () => {
        const latest = finished ?? updates.get(job.id);
        if (latest && (isFinished(latest) || latest.progress >= fraction)) {
          clearTimeout(timer);
          resolve();
        }
      };
      onUpdate();
    });
  }
  await sleep(delayMs);
  const heard: Job | null = finished;
  const seen = heard ?? updates.get(job.id) ?? null;
  await ctx.kill();
  off();
  await waited;
  ctx.tally.perKind[ctx.kind].phases[phaseOf(seen)]++;
  return { job, finished: heard };
}
