import { existsSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { Job, JobKind } from '../../../shared/api/jobs';

/**
 * An export (a split, a model) is written into `<target>.partial-<pid>-<time>` beside its target
 * and renamed into place only when complete. A process killed meanwhile leaves that folder in the
 * user's export folder; these name it and remove it.
 */
const marker = '.partial-';
const kindsWritingFolders: readonly JobKind[] = ['datasets.export', 'models.export'];

export function partialFolderPath(target: string): string {
  return `${target}${marker}${process.pid}-${Date.now()}`;
}

/**
 * Removes the partial folders a job's process left beside its target: those of one worker (`pid`),
 * or, at start-up when no job runs, those of any process. Returns the folders removed.
 */
export function removePartialFolders(job: Pick<Job, 'kind' | 'params'>, pid?: number): string[] {
  const out = (job.params as { out?: unknown } | null)?.out;
  if (!kindsWritingFolders.includes(job.kind) || typeof out !== 'string') return [];
  const target = path.resolve(out);
  const dir = path.dirname(target);
  if (!existsSync(dir)) return [];
  const prefix = `${path.basename(target)}${marker}`;
  const ours = pid === undefined ? /^\d+-\d+$/ : new RegExp(`^${pid}-\\d+$`);
  const removed = readdirSync(dir)
    .filter((name) => name.startsWith(prefix) && ours.test(name.slice(prefix.length)))
    .map((name) => path.join(dir, name));
  for (const folder of removed) rmSync(folder, { recursive: true, force: true });
  return removed;
}

/** At start-up: the partial folders of the jobs a dead process left running. A folder that cannot be removed is reported, not fatal. */
export function removeLeftPartialFolders(leftovers: readonly Job[]): void {
  for (const job of leftovers) {
    try {
      removePartialFolders(job);
    } catch (error) {
      console.warn(`[backend] could not remove the partial folder of job ${job.id}: ${(error as Error).message}`);
    }
  }
}
