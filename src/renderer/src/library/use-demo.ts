import { useState } from 'react';
import type { ApiError } from '../../../shared/api/errors';
import type { Job } from '../../../shared/api/jobs';
import { asApiError } from '../api/errors';
import { useApiEvent } from '../api/use-api-event';
import { useApi } from '../app/api-context';
import { useJobsContext } from '../jobs/jobs-context';

export interface Demo {
  /** The demo job this page started, as it runs and once it has finished. */
  job: Job | undefined;
  error: ApiError | null;
  create: () => void;
}

/** Starts the job that makes the "Demo" project (idempotent) and opens the project when it is there. */
export function useDemo(onReady: (projectId: number) => void): Demo {
  const client = useApi();
  const { jobs, track } = useJobsContext();
  const [jobId, setJobId] = useState<number | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  useApiEvent('job.updated', (job) => {
    if (job.id !== jobId || job.status !== 'succeeded') return;
    const projectId = (job.result as { projectId?: unknown } | null)?.projectId;
    if (typeof projectId === 'number') onReady(projectId);
  });

  const create = () => {
    setError(null);
    client.call('jobs.start', { kind: 'demo.create', params: {} }).then(
      (job) => {
        track(job);
        setJobId(job.id);
      },
      (thrown: unknown) => setError(asApiError(thrown)),
    );
  };

  return { job: jobs.find((j) => j.id === jobId), error, create };
}
