import { useState } from 'react';
import type { ApiError } from '../../../shared/api/errors';
import { isFinished, type Job, type JobKind, type JobParams } from '../../../shared/api/jobs';
import { asApiError } from '../api/errors';
import { useApi } from '../app/api-context';
import { useJobsContext } from '../jobs/jobs-context';

export interface ArchiveJob {
  /** The job this dialog started, live from the shell's job list. */
  job: Job | undefined;
  running: boolean;
  /** Why the job could not be started (bad parameters). */
  startError: ApiError | null;
  start: () => void;
  cancel: () => void;
}

/** Starts an archive job of one kind from a dialog and follows it (it goes on if the dialog closes). */
export function useArchiveJob<K extends 'projects.export-archive' | 'projects.import-archive'>(kind: K & JobKind, params: () => JobParams<K>): ArchiveJob {
  const client = useApi();
  const { jobs, track, cancel } = useJobsContext();
  const [jobId, setJobId] = useState<number | null>(null);
  const [startError, setStartError] = useState<ApiError | null>(null);
  const job = jobs.find((j) => j.id === jobId);
  return {
    job,
    running: job !== undefined && !isFinished(job.status),
    startError,
    start: () => {
      setStartError(null);
      client.call('jobs.start', { kind, params: params() }).then(
        (started) => {
          track(started);
          setJobId(started.id);
        },
        (thrown: unknown) => setStartError(asApiError(thrown)),
      );
    },
    cancel: () => {
      if (job) void cancel.run(job.id);
    },
  };
}
