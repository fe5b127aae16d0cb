import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ApiError } from '../../shared/api/errors';

export const databaseFileName = 'workstation.sqlite';
const lockFileName = 'workstation.lock';

/** A process that has exited but that its parent has not collected yet: dead, though Linux still lists it. */
function isZombie(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).startsWith('Z');
  } catch {
    return false;
  }
}

/** Whether a process with this id is running (possibly under another user). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  return !isZombie(pid);
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

/**
 * The per-user default: the same folder Electron uses as userData, so the desktop app and the
 * server find the same projects (the lock keeps them from opening it at once).
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform, home = os.homedir()): string {
  const appFolder = 'MER Workstation';
  if (platform === 'win32') return path.join(env['APPDATA'] ?? path.join(home, 'AppData', 'Roaming'), appFolder);
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', appFolder);
  return path.join(env['XDG_CONFIG_HOME'] ?? path.join(home, '.config'), appFolder);
}
