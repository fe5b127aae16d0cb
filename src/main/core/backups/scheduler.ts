import type { Job } from '../../../shared/api/jobs';
import type { BackupSettingsRepository } from '../db/repositories/backup-settings';
import type { JobsRepository } from '../db/repositories/jobs';
import type { JobSupervisor } from '../jobs/supervisor';

export interface BackupSchedulerOptions {
  settings: BackupSettingsRepository;
  jobs: JobsRepository;
  supervisor: JobSupervisor;
  /** How often to look whether a backup is due; a minute is precise enough for hours. */
  checkEveryMs?: number;
  now?: () => Date;
}

/** True while a backup job is queued or running: the scheduler never starts a second one. */
export function backupRunning(jobs: JobsRepository): Job | undefined {
  return jobs.listActive().find((job) => job.kind === 'db.backup');
}

/**
 * Starts the automatic backup job when it is due: on start-up (a machine that was off at the due
 * time backs up as soon as it is on) and then once a minute. Pruning happens in the job, after a
 * backup has succeeded.
 */
export function startBackupScheduler(options: BackupSchedulerOptions) {
  const { settings, jobs, supervisor } = options;
  const now = options.now ?? (() => new Date());

  function tick(): Job | null {
    const schedule = settings.get();
    if (schedule.nextDueAt === null || Date.parse(schedule.nextDueAt) > now().getTime()) return null;
    if (backupRunning(jobs)) return null;
    settings.markStarted(now());
    return supervisor.start('db.backup', { reason: 'scheduled' });
  }

  const check = (): void => {
    try {
      tick();
    } catch (error) {
      console.error(`[backups] could not start the automatic backup: ${(error as Error).message}`);
    }
  };
  check();
  const timer = setInterval(check, options.checkEveryMs ?? 60_000);
  timer.unref();
  return { tick, stop: () => clearInterval(timer) };
}
