import { useCallback } from 'react';
import type { BackupInfo, BackupSchedule } from '../../../shared/api/backups';
import { isFinished, type Job } from '../../../shared/api/jobs';
import { useApiEvent } from '../api/use-api-event';
import { useApiQuery, type QueryState } from '../api/use-api-query';
import { useCallMutation } from '../api/use-call-mutation';
import { useMutation, type Mutation } from '../api/use-mutation';
import { useApi } from '../app/api-context';
import { useJobsContext } from '../jobs/jobs-context';

export interface Backups {
  list: QueryState<BackupInfo[]>;
  schedule: QueryState<BackupSchedule>;
  /** The backup job queued or running now (started here, by the schedule or from another window). */
  running: Job | undefined;
  start: Mutation<[], Job>;
  cancel: Mutation<[number], Job>;
  saveSchedule: ReturnType<typeof useCallMutation<'backups.setSchedule'>>;
  verify: ReturnType<typeof useCallMutation<'backups.verify'>>;
  restore: ReturnType<typeof useCallMutation<'backups.restore'>>;
  remove: ReturnType<typeof useCallMutation<'backups.delete'>>;
}

/** The backups, the schedule and the running backup job, kept live by job events. */
export function useBackups(): Backups {
  const client = useApi();
  const { jobs, track, cancel } = useJobsContext();
  const list = useApiQuery('backups.list', {});
  const schedule = useApiQuery('backups.schedule', {});
  const running = jobs.find((job) => job.kind === 'db.backup' && !isFinished(job.status));

  // A finished backup (or a pruning automatic one) changes the list, and the schedule's last start.
  useApiEvent('job.updated', (job) => {
    if (job.kind !== 'db.backup' || !isFinished(job.status)) return;
    list.reload();
    schedule.reload();
  });

  const start = useMutation(
    useCallback(async () => {
      const job = await client.call('backups.start', {});
      track(job);
      return job;
    }, [client, track]),
  );

  return {
    list,
    schedule,
    running,
    start,
    cancel,
    saveSchedule: useCallMutation('backups.setSchedule'),
    verify: useCallMutation('backups.verify'),
    restore: useCallMutation('backups.restore'),
    remove: useCallMutation('backups.delete'),
  };
}
