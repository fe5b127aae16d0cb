import { existsSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';

/**
 * A run keeps its checkpoint and fold models in `<data>/runs/<id>`. Deleting a project deletes its
 * runs' rows (a cascade); their folders are removed after that commits, and the start-up sweep
 * removes any a crash left between the two. A folder is only ever removed once no row names it,
 * and a new run writes its row before its folder, so a live run's folder is never swept.
 */
export function runsRoot(dataDir: string): string {
  return path.join(dataDir, 'runs');
}

export function runDirectory(dataDir: string, runId: number): string {
  return path.join(runsRoot(dataDir), String(runId));
}

/** Removes run folders whose run no longer exists; other names are left alone. Returns what it removed. */
export function sweepRunFolders(dataDir: string, runIds: ReadonlySet<number>): string[] {
  const root = runsRoot(dataDir);
  if (!existsSync(root)) return [];
  const removed: string[] = [];
  for (const name of readdirSync(root)) {
    if (!/^[1-9]\d*$/.test(name) || runIds.has(Number(name))) continue;
    rmSync(path.join(root, name), { recursive: true, force: true });
    removed.push(`runs/${name}`);
  }
  return removed;
}
