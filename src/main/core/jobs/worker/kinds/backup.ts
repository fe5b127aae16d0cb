import { mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import type { JobRunner } from '../context';

/**
 * An online backup of the database with SQLite's backup API, written under a temporary name and
 * renamed only when complete, so a cancelled or crashed backup never looks like a good one.
 */
export const backupDatabase: JobRunner = async (_params, ctx) => {
  const dir = path.join(ctx.dataDir, 'backups');
  mkdirSync(dir, { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const file = path.join(dir, `workstation-${stamp}.sqlite`);
  const partial = `${file}.partial`;
  await ctx.progress(0, 'Starting backup');
  try {
    let fraction = 0;
    await ctx.db.backup(partial, {
      progress: ({ totalPages, remainingPages }) => {
        if (ctx.signal.aborted) throw new Error('The job was cancelled');
        fraction = totalPages > 0 ? 1 - remainingPages / totalPages : 1;
        return 256;
      },
    });
    await ctx.progress(Math.max(fraction, 0.95), 'Finishing backup');
    renameSync(partial, file);
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  }
  return { result: { file, bytes: statSync(file).size }, message: `Backed up to ${path.basename(file)}` };
};
