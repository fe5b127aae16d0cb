import type { Job, JobKind } from '../../src/shared/api/jobs';
import type { Backend } from '../../src/main/core/backend';

/** Starts a job and waits for its outcome. */
export async function runJob(backend: Backend, kind: JobKind, params: object): Promise<Job> {
  const job = (await backend.dispatch('jobs.start', { kind, params })) as Job;
  return (await backend.dispatch('jobs.wait', { id: job.id, timeoutMs: 120_000 })) as Job;
}

/** Resolves once the job reports progress above the given fraction. */
export function untilProgress(backend: Backend, id: number, above = 0): Promise<Job> {
  return new Promise((resolve) => {
    const off = backend.events.subscribe(['job.updated'], (_e, payload) => {
      const job = payload as Job;
      if (job.id === id && job.status === 'running' && job.progress > above) {
        off();
        resolve(job);
      }
    });
  });
}
