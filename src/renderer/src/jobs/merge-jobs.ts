import { isFinished, type Job, type JobStatus } from '../../../shared/api/jobs';

const stage: Record<JobStatus, number> = { queued: 0, running: 1, succeeded: 2, failed: 2, cancelled: 2, interrupted: 2 };

/**
 * Which of two snapshots of the same job is newer. A job only moves forward (queued → running →
 * finished, progress rising), so a list answer and an event that cross on the wire never undo
 * each other.
 */
export function newerJob(a: Job, b: Job): Job {
  if (stage[a.status] !== stage[b.status]) return stage[a.status] > stage[b.status] ? a : b;
  if (isFinished(a.status)) return a.finishedAt !== null && (b.finishedAt === null || a.finishedAt >= b.finishedAt) ? a : b;
  return b.progress >= a.progress ? b : a;
}

/** Adds or updates jobs in a list kept newest first (by id). */
export function mergeJobs(current: readonly Job[], incoming: readonly Job[]): Job[] {
  const byId = new Map(current.map((job) => [job.id, job]));
  for (const job of incoming) {
    const known = byId.get(job.id);
    byId.set(job.id, known ? newerJob(known, job) : job);
  }
  return [...byId.values()].sort((a, b) => b.id - a.id);
}
