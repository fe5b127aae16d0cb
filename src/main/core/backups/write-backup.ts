import { createHash } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { BackupManifest, BackupReason } from '../../../shared/api/backups';
import { appVersion } from '../app/version';
import { databaseFileName } from '../data-dir';
import { openDatabase, schemaVersion, type Db } from '../db/connection';
import { createJobsRepository } from '../db/repositories/jobs';
import { createTrainingRunsRepository } from '../db/repositories/training-runs';
import { runDirectory } from '../training/run-folders';
import { backupsDir, manifestFileName, newBackupName, partialDir } from './layout';
import { linkTree, type FileTotals } from './link-tree';

export interface PartialBackup {
  name: string;
  reason: BackupReason;
  createdAt: string;
  /** Where the backup is written (`.partial-<name>`). */
  dir: string;
  /** Its database file, inside `dir`. */
  file: string;
}

/** What the backed-up database holds, read from the copy itself so the files follow it exactly. */
export interface SealedDatabase {
  schemaVersion: number;
  tables: Record<string, number>;
  mediaPaths: string[];
  runIds: number[];
}

export interface CopiedFiles {
  frames: FileTotals;
  runs: FileTotals;
}

/** Raised when a recording's frames vanish between the database copy and the file copy. */
export class FramesGone extends Error {
  override readonly name = 'FramesGone';
}

export function beginBackup(dataDir: string, reason: BackupReason, now = new Date()): PartialBackup {
  mkdirSync(backupsDir(dataDir), { recursive: true });
  const name = newBackupName(dataDir, reason, now);
  const dir = partialDir(dataDir, name);
  mkdirSync(dir);
  return { name, reason, createdAt: now.toISOString(), dir, file: path.join(dir, databaseFileName) };
}

export function abandonBackup(partial: PartialBackup): void {
  rmSync(partial.dir, { recursive: true, force: true });
}

function tableCounts(db: Db): Record<string, number> {
  const names = db.prepare<[], string>(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name`).pluck().all();
  return Object.fromEntries(names.map((name) => [name, db.prepare<[], number>(`SELECT COUNT(*) FROM "${name}"`).pluck().get() ?? 0]));
}

/**
 * Makes the copied database a self-contained file (no WAL beside it) and marks the jobs and
 * training runs that were running at the moment of the copy as interrupted, exactly as the app
 * does at start-up, so a restored backup never shows work as running that nothing runs.
 */
export function sealDatabaseCopy(file: string): SealedDatabase {
  const copy = openDatabase(file);
  try {
    createJobsRepository(copy).interruptLeftovers();
    createTrainingRunsRepository(copy).interruptRunning();
    const sealed: SealedDatabase = {
      schemaVersion: schemaVersion(copy),
      tables: tableCounts(copy),
      mediaPaths: copy.prepare<[], string>(`SELECT frames_dir FROM recordings ORDER BY id`).pluck().all(),
      runIds: copy.prepare<[], number>(`SELECT id FROM training_runs ORDER BY id`).pluck().all(),
    };
    copy.pragma('journal_mode = DELETE');
    return sealed;
  } finally {
    copy.close();
  }
}

/**
 * Links (or copies) the frames of every recording and the folder of every run of the copied
 * database into the backup, yielding progress after each. A recording whose frames are gone was
 * deleted after the database was copied: the caller starts again with a fresh copy.
 */
export function* copyReferencedFiles(dataDir: string, partial: PartialBackup, sealed: SealedDatabase): Generator<{ fraction: number; message: string }, CopiedFiles> {
  const copied: CopiedFiles = { frames: { files: 0, bytes: 0 }, runs: { files: 0, bytes: 0 } };
  const total = sealed.mediaPaths.length + sealed.runIds.length;
  let done = 0;
  for (const mediaPath of sealed.mediaPaths) {
    const source = path.join(dataDir, 'media', mediaPath);
    if (!existsSync(source)) throw new FramesGone(`The frames of ${mediaPath} were deleted while the backup was being written`);
    const totals = linkTree(source, path.join(partial.dir, 'media', mediaPath));
    copied.frames.files += totals.files;
    copied.frames.bytes += totals.bytes;
    yield { fraction: ++done / total, message: `Frames of recording ${done} of ${sealed.mediaPaths.length}` };
  }
  for (const runId of sealed.runIds) {
    const source = runDirectory(dataDir, runId);
    // A run that failed before its first checkpoint has no folder.
    if (existsSync(source)) {
      const totals = linkTree(source, path.join(partial.dir, 'runs', String(runId)));
      copied.runs.files += totals.files;
      copied.runs.bytes += totals.bytes;
    }
    yield { fraction: ++done / total, message: `Training run ${runId}` };
  }
  return copied;
}

export function sha256OfFile(file: string): string {
  const hash = createHash('sha256');
  const buffer = Buffer.alloc(1 << 20);
  const fd = openSync(file, 'r');
  try {
    for (let n = readSync(fd, buffer); n > 0; n = readSync(fd, buffer)) hash.update(buffer.subarray(0, n));
  } finally {
    closeSync(fd);
  }
  return hash.digest('hex');
}

/** Writes the manifest and renames the folder into place: from here on the backup exists. */
export function finishBackup(partial: PartialBackup, sealed: SealedDatabase, copied: CopiedFiles): { manifest: BackupManifest; dir: string } {
  const databaseBytes = statSync(partial.file).size;
  const manifest: BackupManifest = {
    format: 1,
    name: partial.name,
    reason: partial.reason,
    createdAt: partial.createdAt,
    appVersion,
    schemaVersion: sealed.schemaVersion,
    database: { file: databaseFileName, bytes: databaseBytes, sha256: sha256OfFile(partial.file) },
    counts: {
      tables: sealed.tables,
      recordings: sealed.mediaPaths.length,
      frameFiles: copied.frames.files,
      runs: sealed.runIds.length,
      runFiles: copied.runs.files,
    },
    bytes: { database: databaseBytes, frames: copied.frames.bytes, runs: copied.runs.bytes, total: databaseBytes + copied.frames.bytes + copied.runs.bytes },
  };
  writeFileSync(path.join(partial.dir, manifestFileName), `${JSON.stringify(manifest, null, 2)}\n`);
  const dir = path.join(path.dirname(partial.dir), partial.name);
  renameSync(partial.dir, dir);
  return { manifest, dir };
}

/**
 * A whole backup in one synchronous step (VACUUM INTO, then links): used just before a restore,
 * when no other call may write between this copy and the swap.
 */
export function writeBackupNow(db: Db, dataDir: string, reason: BackupReason): { manifest: BackupManifest; dir: string } {
  const partial = beginBackup(dataDir, reason);
  try {
    db.prepare(`VACUUM INTO ?`).run(partial.file);
    const sealed = sealDatabaseCopy(partial.file);
    const steps = copyReferencedFiles(dataDir, partial, sealed);
    let step = steps.next();
    while (!step.done) step = steps.next();
    return finishBackup(partial, sealed, step.value);
  } catch (error) {
    abandonBackup(partial);
    throw error;
  }
}
