import { existsSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { BackupManifest, type BackupInfo, type BackupReason } from '../../../shared/api/backups';
import { ApiError } from '../../../shared/api/errors';

/**
 * Backups live in `<data>/backups/<name>/`: `workstation.sqlite`, `manifest.json`,
 * `media/recordings/<key>/…` (the frames the database refers to) and `runs/<id>/…`. A backup is
 * written as `.partial-<name>` and renamed when complete; a delete renames it to `.deleting-<name>`
 * first. Names starting with a dot are never listed, and are swept at the next start.
 */
export const manifestFileName = 'manifest.json';
const partialPrefix = '.partial-';
const deletingPrefix = '.deleting-';

export function backupsDir(dataDir: string): string {
  return path.join(dataDir, 'backups');
}

/** A new, unused name that sorts by time: `2026-11-21T14-06-35-123Z-manual`. */
export function newBackupName(dataDir: string, reason: BackupReason, now = new Date()): string {
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  for (let n = 1; ; n++) {
    const name = n === 1 ? `${stamp}-${reason}` : `${stamp}-${reason}-${n}`;
    if (!existsSync(path.join(backupsDir(dataDir), name)) && !existsSync(partialDir(dataDir, name))) return name;
  }
}

export function partialDir(dataDir: string, name: string): string {
  return path.join(backupsDir(dataDir), `${partialPrefix}${name}`);
}

export function readManifest(dir: string): { manifest: BackupManifest | null; problem: string | null } {
  const file = path.join(dir, manifestFileName);
  if (!existsSync(file)) return { manifest: null, problem: 'It has no manifest.json: it is not a complete backup' };
  try {
    const parsed = BackupManifest.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    if (parsed.success) return { manifest: parsed.data, problem: null };
    return { manifest: null, problem: `Its manifest.json is not a backup manifest (${parsed.error.issues[0]?.message ?? 'invalid'})` };
  } catch (error) {
    return { manifest: null, problem: `Its manifest.json cannot be read: ${(error as Error).message}` };
  }
}

/** Every complete backup folder, newest first. */
export function listBackups(dataDir: string): BackupInfo[] {
  const root = backupsDir(dataDir);
  if (!existsSync(root)) return [];
  return readdirSync(root, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && !entry.name.startsWith('.'))
    .map((entry) => ({ name: entry.name, dir: path.join(root, entry.name), ...readManifest(path.join(root, entry.name)) }))
    .sort((a, b) => (a.name < b.name ? 1 : a.name > b.name ? -1 : 0));
}

export function findBackup(dataDir: string, name: string): BackupInfo {
  const found = listBackups(dataDir).find((b) => b.name === name);
  if (!found) throw new ApiError('NOT_FOUND', `There is no backup "${name}" in ${backupsDir(dataDir)}`);
  return found;
}

/** Renames first, so a delete that is interrupted never leaves half a backup that looks whole. */
export function deleteBackup(dataDir: string, name: string): void {
  const backup = findBackup(dataDir, name);
  const doomed = path.join(backupsDir(dataDir), `${deletingPrefix}${name}`);
  renameSync(backup.dir, doomed);
  rmSync(doomed, { recursive: true, force: true });
}

/** Removes what an interrupted backup or delete left; call only when no backup job runs. */
export function sweepBackupLeftovers(dataDir: string): string[] {
  const root = backupsDir(dataDir);
  if (!existsSync(root)) return [];
  const leftovers = readdirSync(root).filter((name) => name.startsWith(partialPrefix) || name.startsWith(deletingPrefix));
  for (const name of leftovers) rmSync(path.join(root, name), { recursive: true, force: true });
  return leftovers;
}
