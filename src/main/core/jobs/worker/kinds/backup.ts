import path from 'node:path';
import { jobKinds } from '../../../../../shared/api/jobs';
import { deleteBackup, listBackups } from '../../../backups/layout';
import { abandonBackup, beginBackup, copyReferencedFiles, finishBackup, FramesGone, sealDatabaseCopy } from '../../../backups/write-backup';
import { createBackupSettingsRepository } from '../../../db/repositories/backup-settings';
import { JobCancelled, type JobContext } from '../context';
import type { JobRunner } from '../context';

/** A recording deleted during the file copy makes us start again; this often is plenty. */
const attempts = 3;

/** Keeps the newest `keep` automatic backups; manual and before-restore backups are the user's. */
export function pruneScheduledBackups(dataDir: string, keep: number): string[] {
  const scheduled = listBackups(dataDir).filter((b) => b.manifest?.reason === 'scheduled');
  const doomed = scheduled.slice(keep).map((b) => b.name);
  for (const name of doomed) deleteBackup(dataDir, name);
  return doomed;
}

async function writeOnce(ctx: JobContext, reason: 'manual' | 'scheduled') {
  const partial = beginBackup(ctx.dataDir, reason);
  try {
    // The online backup API copies a consistent snapshot while the app keeps writing.
    await ctx.db.backup(partial.file, {
      progress: ({ totalPages, remainingPages }) => {
        if (ctx.signal.aborted) throw new JobCancelled();
        ctx.report(totalPages > 0 ? 0.3 * (1 - remainingPages / totalPages) : 0.3, 'Copying the database');
        return 256;
      },
    });
    const sealed = sealDatabaseCopy(partial.file);
    await ctx.progress(0.3, 'Linking the frames and run folders');
    const steps = copyReferencedFiles(ctx.dataDir, partial, sealed);
    let step = steps.next();
    while (!step.done) {
      await ctx.progress(0.3 + 0.65 * step.value.fraction, step.value.message);
      step = steps.next();
    }
    await ctx.progress(0.97, 'Writing the manifest');
    return finishBackup(partial, sealed, step.value);
  } catch (error) {
    abandonBackup(partial);
    throw error;
  }
}

/**
 * An online backup of the database and the files it refers to, written as `.partial-<name>` and
 * renamed when complete, so a cancelled, failed or killed backup never looks like a good one.
 */
export const backupDatabase: JobRunner = async (params, ctx) => {
  const reason = jobKinds['db.backup'].params.parse(params).reason ?? 'manual';
  await ctx.progress(0, 'Starting the backup');
  for (let attempt = 1; ; attempt++) {
    try {
      const { manifest, dir } = await writeOnce(ctx, reason);
      const pruned = reason === 'scheduled' ? pruneScheduledBackups(ctx.dataDir, createBackupSettingsRepository(ctx.db).get().keep) : [];
      const result = { name: manifest.name, dir, file: path.join(dir, manifest.database.file), bytes: manifest.bytes.total, pruned };
      const removed = pruned.length > 0 ? `; removed ${pruned.length} older automatic backup(s)` : '';
      return { result, message: `Backed up to ${manifest.name}${removed}` };
    } catch (error) {
      if (!(error instanceof FramesGone) || attempt === attempts) throw error;
    }
  }
};
