import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';

/**
 * Frames live in `<media>/recordings/<key>/{frames,previews}`. An import writes into
 * `<media>/.staging/<key>` and moves the folder in place only when complete; a delete moves it
 * to `<media>/.trash` first. Whatever a crash leaves in .staging, .trash or an unreferenced
 * recordings folder is swept at start-up, so frames and rows never drift apart.
 */
const recordingsDir = 'recordings';
const stagingDir = '.staging';
const trashDir = '.trash';

export interface Staging {
  /** Where the import writes (has frames/ and previews/). */
  dir: string;
  /** The recording's path below the media root once committed, e.g. `recordings/<key>`. */
  mediaPath: string;
}

export function createStaging(mediaRoot: string): Staging {
  const key = randomUUID();
  const dir = path.join(mediaRoot, stagingDir, key);
  mkdirSync(path.join(dir, 'frames'), { recursive: true });
  mkdirSync(path.join(dir, 'previews'), { recursive: true });
  return { dir, mediaPath: `${recordingsDir}/${key}` };
}

/** Moves a finished staging folder in place (a rename on one filesystem: all or nothing). */
export function commitStaging(mediaRoot: string, staging: Staging): string {
  const target = path.join(mediaRoot, staging.mediaPath);
  mkdirSync(path.dirname(target), { recursive: true });
  renameSync(staging.dir, target);
  return target;
}

export function discard(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/** Moves a recording's folder aside; returns a function that restores it and one that erases it. */
export function moveToTrash(mediaRoot: string, mediaPath: string): { restore(): void; erase(): void } {
  const source = path.join(mediaRoot, mediaPath);
  const trashed = path.join(mediaRoot, trashDir, path.basename(mediaPath));
  if (!existsSync(source)) return { restore: () => undefined, erase: () => undefined };
  mkdirSync(path.dirname(trashed), { recursive: true });
  renameSync(source, trashed);
  return { restore: () => renameSync(trashed, source), erase: () => discard(trashed) };
}

/**
 * A crash between moving a recording's folder to the trash and deleting its row leaves the row:
 * its frames go back in place rather than out with the trash.
 */
function restoreReferencedTrash(mediaRoot: string, referenced: ReadonlySet<string>): void {
  const trash = path.join(mediaRoot, trashDir);
  if (!existsSync(trash)) return;
  for (const name of readdirSync(trash)) {
    const mediaPath = `${recordingsDir}/${name}`;
    const target = path.join(mediaRoot, mediaPath);
    if (!referenced.has(mediaPath) || existsSync(target)) continue;
    mkdirSync(path.dirname(target), { recursive: true });
    renameSync(path.join(trash, name), target);
  }
}

/** Removes leftovers of interrupted imports and deletes, and folders no recording refers to. */
export function sweepFrameStore(mediaRoot: string, referenced: ReadonlySet<string>): string[] {
  const removed: string[] = [];
  restoreReferencedTrash(mediaRoot, referenced);
  for (const leftover of [stagingDir, trashDir]) {
    const dir = path.join(mediaRoot, leftover);
    if (existsSync(dir)) {
      for (const name of readdirSync(dir)) removed.push(`${leftover}/${name}`);
      discard(dir);
    }
  }
  const recordings = path.join(mediaRoot, recordingsDir);
  if (existsSync(recordings)) {
    for (const name of readdirSync(recordings)) {
      const mediaPath = `${recordingsDir}/${name}`;
      if (referenced.has(mediaPath)) continue;
      discard(path.join(recordings, name));
      removed.push(mediaPath);
    }
  }
  return removed;
}
