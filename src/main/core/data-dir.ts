import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';
import { ApiError } from '../../shared/api/errors';

export const databaseFileName = 'workstation.sqlite';
const lockFileName = 'workstation.lock';

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Claims the data directory for this process, so that two backends never run jobs or
 * migrations over one database. A lock left by a dead process is taken over.
 */
export function lockDataDir(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  const lockFile = path.join(dataDir, lockFileName);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockFile, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(lockFile, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number(readFileSync(lockFile, 'utf8').trim());
      if (Number.isInteger(owner) && owner > 0 && isAlive(owner)) {
        throw new ApiError('UNAVAILABLE', `The data directory ${dataDir} is in use by another MER Workstation process (pid ${owner}). Close it, or choose another data directory.`);
      }
      rmSync(lockFile, { force: true });
    }
  }
  throw new ApiError('UNAVAILABLE', `Could not lock the data directory ${dataDir}`);
}
