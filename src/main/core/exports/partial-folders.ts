import { existsSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { Job, JobKind } from '../../../shared/api/jobs';
import { isAlive } from '../data-dir';

/**
 * An export (a split, a model) is written into `<target>.partial-<pid>-<time>` beside its target
 * and renamed into place only when complete. A process killed meanwhile leaves that folder in the
 * user's export folder; these name it and remove it.
 */
const marker = '.partial-';
// A project archive is one file, written the same way (`<out>.partial-…`, then renamed).
const kindsWritingFolders: readonly JobKind[] = ['datasets.export', 'models.export', 'projects.export-archive'];

export function partialFolderPath(target: string): string {
  return `${target}${marker}${process.pid}-${Date.now()}`;
}

/**
 * Removes the partial folders a job's process left beside its target: those of one worker (`pid`),
 * or, at start-up, those of any process that is gone. (A worker of a server that was killed may
 * still be writing for a moment; its folder is left to it.) Returns the folders removed.
 */
export function removePartialFolders(job: Pick<Job, 'kind' | 'params'>, pid?: number): string[] {
  const out = (job.params as { out?: unknown } | null)?.out;
  if (!kindsWritingFolders.includes(job.kind) || typeof out !== 'string') return [];
  const target = path.resolve(out);
  const dir = path.dirname(target);
  if (!existsSync(dir)) return [];
  const prefix = `${path.basename(target)}${marker}`;
  const writer = (name: string): number | undefined => {
    const match = /^(\d+)-\d+$/.exec(name.slice(prefix.length));
    return name.startsWith(prefix) && match ? Number(match[1]) : undefined;
  };
  const removed = readdirSync(dir)
    .filter((name) => {
      const by = writer(name);
      return by !== undefined && (pid === undefined ? !isAlive(by) : by === pid);
    })
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
