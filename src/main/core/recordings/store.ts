import { readdirSync } from 'node:fs';
import path from 'node:path';
import type { Db } from '../db/connection';
import { createRecordingsRepository, type NewRecording } from '../db/repositories/recordings';
import { commitStaging, discard, type Staging } from '../media/frame-store';

/** Frame numbers of the files in a staging folder's frames/ (n.jpg → n), ascending. */
export function stagedFrameNumbers(staging: Staging): number[] {
  return readdirSync(path.join(staging.dir, 'frames'))
    .map((f) => Number(path.basename(f, path.extname(f))))
    .filter((n) => Number.isInteger(n))
    .sort((a, b) => a - b);
}

/**
 * Moves the staged frames in place, then writes the rows in one transaction; if writing fails,
 * the frames go too. Nothing is left half-done: either frames and rows, or neither.
 */
export interface CommitHooks {
  /** Runs first inside the transaction (e.g. to create the session the recordings belong to). */
  before?: () => void;
  /** Runs last inside the transaction with the new recordings' ids. */
  after?: (ids: number[]) => void;
}

export function commitRecordings(db: Db, mediaRoot: string, items: { staging: Staging; recording: NewRecording }[], hooks: CommitHooks = {}): number[] {
  const committed: string[] = [];
  try {
    for (const { staging } of items) committed.push(commitStaging(mediaRoot, staging));
    const recordings = createRecordingsRepository(db);
    return db.transaction(() => {
      hooks.before?.();
      const ids = items.map(({ recording }) => recordings.insert(recording));
      hooks.after?.(ids);
      return ids;
    })();
  } catch (error) {
    for (const dir of committed) discard(dir);
    throw error;
  }
}
