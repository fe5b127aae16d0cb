import { ApiError } from '../../../shared/api/errors';
import type { Db } from '../db/connection';
import { createBackupSettingsRepository } from '../db/repositories/backup-settings';
import type { JobsRepository } from '../db/repositories/jobs';
import type { Handlers } from '../dispatch';
import type { JobSupervisor } from '../jobs/supervisor';
import { deleteBackup, listBackups } from './layout';
import { restoreBackup } from './restore';
import { backupRunning } from './scheduler';
import { verifyBackup } from './verify';

export interface BackupDeps {
  db: Db;
  dataDir: string;
  jobs: JobsRepository;
  supervisor: JobSupervisor;
}

export function backupHandlers({ db, dataDir, jobs, supervisor }: BackupDeps) {
  const settings = createBackupSettingsRepository(db);
  return {
    'backups.list': () => listBackups(dataDir),
    'backups.start': () => {
      const running = backupRunning(jobs);
      if (running) throw new ApiError('CONFLICT', `A backup is already running (job ${running.id}); wait for it or cancel it`);
      return supervisor.start('db.backup', { reason: 'manual' });
    },
    'backups.verify': ({ name }) => verifyBackup(dataDir, name),
    'backups.restore': ({ name }) => restoreBackup({ db, dataDir, name, activeJobs: () => jobs.listActive() }),
    'backups.delete': ({ name }) => {
      deleteBackup(dataDir, name);
      return { ok: true as const };
    },
    'backups.schedule': () => settings.get(),
    'backups.setSchedule': (input) => settings.set(input),
  } satisfies Partial<Handlers>;
}
