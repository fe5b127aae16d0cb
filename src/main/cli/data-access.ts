import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { databaseFileName, lockDataDir } from '../core/data-dir';
import { openDatabase, type Db } from '../core/db/connection';
import { createRecordingsRepository } from '../core/db/repositories/recordings';
import { createTrainingRunsRepository } from '../core/db/repositories/training-runs';
import { sweepFrameStore } from '../core/media/frame-store';

export interface Session {
  db: Db;
  dataDir: string;
  /** Closes the database and releases the lock; removes the folder if this run created it and failed. */
  close(failed: boolean): void;
}

/** Claims a data directory for one command: the same lock, migrations and clean-up as the app. */
export function openDataDir(dataDirArg: string): Session {
  const dataDir = path.resolve(dataDirArg);
  const existed = existsSync(dataDir);
  const unlock = lockDataDir(dataDir);
  let db: Db;
  try {
    db = openDatabase(path.join(dataDir, databaseFileName));
    sweepFrameStore(path.join(dataDir, 'media'), createRecordingsRepository(db).mediaPaths());
    // We hold the lock: a run still marked running was left by a process that died.
    createTrainingRunsRepository(db).interruptRunning();
  } catch (error) {
    unlock();
    if (!existed) rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
  return {
    db,
    dataDir,
    close(failed) {
      db.close();
      unlock();
      if (failed && !existed) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
