import { useState } from 'react';
import type { Job, JobResult } from '../../../shared/api/jobs';
import { useMutation } from '../api/use-mutation';
import { useApi } from '../app/api-context';
import { useJobsContext } from '../jobs/jobs-context';
import { launchesOf, type WizardForm } from './wizard-form';

export type SpeedProbeResult = JobResult<'training.probe'>;

/**
 * Times a few steps of the wizard's configuration as a `training.probe` job (the last chosen
 * ablation row: the one with the most to compute), and follows it through the jobs list.
 */
export function useSpeedProbe(form: WizardForm) {
  const client = useApi();
  const jobs = useJobsContext();
  const [jobId, setJobId] = useState<number | null>(null);
  const start = useMutation(async () => {
    const built = launchesOf(form);
    const launch = built.launches?.at(-1);
    if (!launch) throw new Error('Fix the problems the steps show first');
    const job = await client.call('jobs.start', { kind: 'training.probe', params: { config: launch.config } });
    jobs.track(job);
    setJobId(job.id);
    return job;
  });
  const job: Job | undefined = jobs.jobs.find((j) => j.id === jobId);
  const result = job?.status === 'succeeded' ? (job.result as SpeedProbeResult) : null;
  return { start, job, result };
}
