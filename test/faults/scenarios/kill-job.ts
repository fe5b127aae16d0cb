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
 * How a trial picks its moment: in the job's first moments (its worker starting), at a fraction of
 * its reported progress, or a fraction of its usual working time after it first reports progress.
 */
type Moment = { at: 'early'; delayMs: number } | { at: 'progress'; fraction: number; delayMs: number };

function pickMoment(ctx: TrialContext): Moment {
  const { rng } = ctx;
  const usual = ctx.fixture.usualWorkMs[ctx.kind];
  const roll = rng.next();
  if (roll < 0.15) return { at: 'early', delayMs: rng.range(0, 500) };
  // Progress comes in steps (at most ten a second), so a quick job is killed by the clock instead.
  if (roll < 0.4 || usual === undefined) return { at: 'progress', fraction: rng.next(), delayMs: rng.range(0, 100) };
  return { at: 'progress', fraction: Number.MIN_VALUE, delayMs: rng.range(0, usual) };
}

/**
 * Starts a job and kills the server at a seeded moment of it (see Moment). Returns the job, and
 * its outcome if the client heard it before the kill (an acknowledged job). A job that finished
 * tells how long one usually works.
 */
export async function startAndKill(ctx: TrialContext, kind: JobKind, params: object): Promise<{ job: Job; finished: Job | null }> {
  const { client } = ctx;
  const moment = pickMoment(ctx);
  const updates = new Map<number, Job>();
  let onUpdate = (): void => undefined;
  const off = client.on('job.updated', (update) => {
    updates.set(update.id, update);
    onUpdate();
  });
  const job = await client.call('jobs.start', { kind, params });
  let finished: Job | null = null;
  let workingSince: number | undefined;
  let finishedAt = 0;
  const waited = client.call('jobs.wait', { id: job.id, timeoutMs: 600_000 }).then(
    (outcome) => {
      finished = outcome;
      finishedAt = Date.now();
      onUpdate();
    },
    () => undefined,
  );
  if (moment.at === 'progress') {
    const { fraction } = moment;
    await new Promise<void>((resolve) => {
      // Never waits forever, should an update be missed.
      const timer = setTimeout(resolve, 120_000);
      onUpdate = () => {
        const latest = finished ?? updates.get(job.id);
        if (latest && latest.progress > 0) workingSince ??= Date.now();
        if (latest && (isFinished(latest) || latest.progress >= fraction)) {
          clearTimeout(timer);
          resolve();
        }
      };
      onUpdate();
    });
  }
  await sleep(moment.delayMs);
  const heard: Job | null = finished;
  const seen = heard ?? updates.get(job.id) ?? null;
  await ctx.kill();
  off();
  await waited;
  ctx.tally.perKind[ctx.kind].phases[phaseOf(seen)]++;
  if (heard !== null && workingSince !== undefined) ctx.fixture.usualWorkMs[ctx.kind] = finishedAt - workingSince;
  return { job, finished: heard };
}
