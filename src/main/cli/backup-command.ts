import type { RestoreResult } from '../../shared/api/backups';
import { sweepBackupLeftovers } from '../core/backups/layout';
import { restoreBackup, sweepRestoreLeftovers } from '../core/backups/restore';
import type { Session } from './data-access';
import { runLocalJob } from './local-job';

/** `mer backup`: the same job as "Back up now", run in this process (we hold the data directory's lock). */
export async function backupCommand(session: Session, signal: AbortSignal): Promise<{ backup: string; dir: string; bytes: number }> {
  sweepBackupLeftovers(session.dataDir);
  const { result } = await runLocalJob(session.dataDir, 'db.backup', { reason: 'manual' }, signal);
  const r = result as { name: string; dir: string; bytes: number };
  return { backup: r.name, dir: r.dir, bytes: r.bytes };
}

/** `mer restore`: holding the lock means no app and no job runs on this data directory. */
export function restoreCommand(session: Session, name: string): RestoreResult {
  sweepRestoreLeftovers(session.dataDir);
  return restoreBackup({ db: session.db, dataDir: session.dataDir, name, activeJobs: () => [] });
}
