import { useCallback, useEffect, useState } from 'react';
import type { ApiError } from '../../../shared/api/errors';
import { isFinished, type Job, type JobKind } from '../../../shared/api/jobs';
import { asApiError } from '../api/errors';
import { useApiEvent } from '../api/use-api-event';
import { useMutation, type Mutation } from '../api/use-mutation';
import { useApi } from '../app/api-context';
import { mergeJobs } from './merge-jobs';

const recentLimit = 25;

export interface Jobs {
  /** Recent jobs, newest first, with every job still queued or running. */
  jobs: Job[];
  activeCount: number;
  loadError: ApiError | null;
  /** Starts a job; `params` as the kind's contract says (none for maintenance jobs). */
  start: Mutation<[JobKind, unknown?], Job>;
  cancel: Mutation<[number], Job>;
  /** Adds a job started elsewhere (e.g. by an import dialog) before its first event arrives. */
  track: (job: Job) => void;
}

/**
 * The jobs the backend knows about. At start it reads the recent and the active jobs, so a
 * reload reattaches to work that is still running; from then on `job.updated` keeps them live.
 */
export function useJobs(): Jobs {
  const client = useApi();
  const [jobs, setJobs] = useState<Job[]>([]);
  const [loadError, setLoadError] = useState<ApiError | null>(null);
  const add = useCallback((incoming: Job[]) => setJobs((current) => mergeJobs(current, incoming)), []);

  // Subscribed before the first read, so no update falls between the two.
  useApiEvent('job.updated', (job) => add([job]));

  useEffect(() => {
    const controller = new AbortController();
    const { signal } = controller;
    Promise.all([client.call('jobs.list', { limit: recentLimit }, { signal }), client.call('jobs.list', { active: true }, { signal })]).then(
      ([recent, active]) => {
        setLoadError(null);
        add([...recent, ...active]);
      },
      (error: unknown) => {
        if (!signal.aborted) setLoadError(asApiError(error));
      },
    );
    return () => controller.abort();
  }, [client, add]);

  const start = useMutation(
    useCallback(
      async (kind: JobKind, params?: unknown) => {
        const job = await client.call('jobs.start', params === undefined ? { kind } : { kind, params });
        add([job]);
        return job;
      },
      [client, add],
    ),
  );
  const cancel = useMutation(
    useCallback(
      async (id: number) => {
        const job = await client.call('jobs.cancel', { id });
        add([job]);
        return job;
      },
      [client, add],
    ),
  );

  const activeCount = jobs.filter((job) => !isFinished(job.status)).length;
  const track = useCallback((job: Job) => add([job]), [add]);
  return { jobs, activeCount, loadError, start, cancel, track };
}
