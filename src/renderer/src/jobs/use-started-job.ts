import { useState } from 'react';
import { isFinished, type Job, type JobKind, type JobParams, type JobResult } from '../../../shared/api/jobs';
import { useCallMutation } from '../api/use-call-mutation';
import { useJobsContext } from './jobs-context';

export interface StartedJob<K extends JobKind> {
  /** The job this view started last, as the live job list has it. */
  job: Job | null;
  running: boolean;
  /** The result once it succeeded. */
  result: JobResult<K> | null;
  start: (params: JobParams<K>) => Promise<void>;
  starting: boolean;
  /** The server's refusal to start it (bad parameters). */
  startError: string | null;
  cancel: () => void;
  /** Forgets the job (a new choice of inputs). */
  clear: () => void;
}

/** Starts one kind of job from a view and follows it through the shell's live job list. */
export function useStartedJob<K extends JobKind>(kind: K): StartedJob<K> {
  const jobs = useJobsContext();
  const startJob = useCallMutation('jobs.start');
  const [jobId, setJobId] = useState<number | null>(null);
  const job = jobs.jobs.find((j) => j.id === jobId) ?? null;
  return {
    job,
    running: job !== null && !isFinished(job.status),
    result: job?.status === 'succeeded' ? (job.result as JobResult<K>) : null,
    start: async (params) => {
      const outcome = await startJob.run({ kind, params });
      if (!outcome.ok) return;
      jobs.track(outcome.value);
      setJobId(outcome.value.id);
    },
    starting: startJob.pending,
    startError: startJob.error?.message ?? null,
    cancel: () => {
      if (job) void jobs.cancel.run(job.id);
    },
    clear: () => {
      setJobId(null);
      startJob.reset();
    },
  };
}
