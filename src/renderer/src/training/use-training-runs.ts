import { useRef } from 'react';
import type { Job } from '../../../shared/api/jobs';
import { useApiEvent } from '../api/use-api-event';
import { useApiQuery } from '../api/use-api-query';
import { useJobsContext } from '../jobs/jobs-context';
import { useThrottle } from './throttle';

type TrainingParams = { config?: { projectId?: unknown }; name?: unknown; resumeRunId?: unknown } | null;

/** Whether a queued training job is for this project: a new run of it, or a resume of one of its runs. */
function belongsTo(job: Job, projectId: number | null, runIds: ReadonlySet<number>): boolean {
  const params = job.params as TrainingParams;
  if (typeof params?.resumeRunId === 'number') return runIds.has(params.resumeRunId);
  return params?.config?.projectId === projectId;
}

/** The name a queued job's run will have, or what it resumes. */
export function queuedName(job: Job): string {
  const params = job.params as TrainingParams;
  if (typeof params?.resumeRunId === 'number') return `Resume of run #${params.resumeRunId}`;
  return typeof params?.name === 'string' ? params.name : 'New run';
}

/**
 * A project's training runs, and its training jobs still waiting in the queue (a run exists
 * only once its job starts). The list is read again when a training job changes status, and on
 * every update while `waitingFor` has a job whose run is not listed yet.
 */
export function useTrainingRuns(projectId: number | null, waitingFor: readonly Job[]) {
  const runs = useApiQuery('training.runs.list', projectId === null ? null : { projectId });
  const { jobs } = useJobsContext();
  const reload = useThrottle(runs.reload, 1000);
  const statuses = useRef(new Map<number, string>());
  const listed = new Set((runs.data ?? []).map((r) => r.jobId));
  const runIds = new Set((runs.data ?? []).map((r) => r.id));
  // A job's run is written once its worker starts, after the job says "running": until it is listed, read again on every update.
  const startingHere = jobs.some((j) => j.kind === 'training.run' && j.status === 'running' && !listed.has(j.id) && belongsTo(j, projectId, runIds) && typeof (j.params as TrainingParams)?.resumeRunId !== 'number');
  const waiting = startingHere || waitingFor.some((j) => !listed.has(j.id));

  useApiEvent('job.updated', (job) => {
    if (job.kind !== 'training.run') return;
    const changed = statuses.current.get(job.id) !== job.status;
    statuses.current.set(job.id, job.status);
    if (changed || waiting) reload();
  });

  const queued = jobs.filter((j) => j.kind === 'training.run' && j.status === 'queued' && belongsTo(j, projectId, runIds));
  /** The live job of each running run, for its progress in the list. */
  const jobOf = (jobId: number | null) => jobs.find((j) => j.id === jobId) ?? null;
  return { runs, queued, jobOf };
}
