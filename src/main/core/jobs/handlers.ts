import type { Handlers } from '../dispatch';
import type { JobsRepository } from '../db/repositories/jobs';
import { notFound } from '../errors';
import type { JobSupervisor } from './supervisor';

export function jobHandlers(jobs: JobsRepository, supervisor: JobSupervisor) {
  return {
    'jobs.start': ({ kind, params }) => supervisor.start(kind, params),
    'jobs.get': ({ id }) => {
      const job = jobs.get(id);
      if (!job) throw notFound('Job', id);
      return job;
    },
    'jobs.list': ({ active, limit }) => (active ? jobs.listActive() : jobs.listRecent(limit ?? 50)),
    'jobs.cancel': ({ id }) => supervisor.cancel(id),
    'jobs.wait': ({ id, timeoutMs }, { signal }) => supervisor.wait(id, timeoutMs ?? 30_000, signal),
  } satisfies Partial<Handlers>;
}
