import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { RestoreResult } from '../../../shared/api/backups';
import { ApiError } from '../../../shared/api/errors';
import type { Job } from '../../../shared/api/jobs';
import { databaseFileName } from '../data-dir';
import { openDatabase, type Db } from '../db/connection';
import { sweepFrameStore } from '../media/frame-store';
import { runsRoot } from '../training/run-folders';
import { findBackup } from './layout';
import { linkTree } from './link-tree';
import { verifyBackup } from './verify';
import { writeBackupNow } from './write-backup';

/**
 * Restore runs inside the running backend, synchronously: between the "before restore" backup and
 * the swap no other call can run, so nothing written in between is lost. The database content is
 * replaced in ONE transaction on the open connection (every table emptied and refilled from the
 * backup, migrated to this version first), which is atomic and needs no reopen: the schema, and so
 * every prepared statement, stays the same. Frames are keyed by a random name and never change,
 * so the backup's are linked in beside the live ones before the swap and the ones nothing refers
 * to are swept after it; the run folders are swapped by rename.
 */
const workDirName = '.restoring';
const replacedRunsName = '.replaced-runs';

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** Tables (and their columns, in order) of an attached schema; sqlite_sequence counts as data. */
function tableColumns(db: Db, schema: 'main' | 'restored'): [string, string[]][] {
  const tables = db
    .prepare<[], string>(`SELECT name FROM ${schema}.sqlite_master WHERE type = 'table' AND (name NOT LIKE 'sqlite\\_%' ESCAPE '\\' OR name = 'sqlite_sequence') ORDER BY name`)
    .pluck()
    .all();
  return tables.map((table) => {
    const columns = db.pragma(`${schema}.table_xinfo(${quote(table)})`) as { name: string; hidden: number }[];
    return [table, columns.filter((c) => c.hidden === 0).map((c) => c.name)];
  });
}

function replaceContent(db: Db, file: string): void {
  db.prepare(`ATTACH DATABASE ? AS restored`).run(file);
  try {
    const tables = tableColumns(db, 'main');
    if (JSON.stringify(tables) !== JSON.stringify(tableColumns(db, 'restored'))) {
      throw new Error('its tables differ from this version’s even after migrating it');
    }
    db.pragma('foreign_keys = OFF');
    try {
      db.transaction(() => {
        for (const [table, columns] of tables) {
          const list = columns.map(quote).join(', ');
          db.exec(`DELETE FROM main.${quote(table)}`);
          db.exec(`INSERT INTO main.${quote(table)} (${list}) SELECT ${list} FROM restored.${quote(table)}`);
        }
        const violations = (db.pragma('main.foreign_key_check') as unknown[]).length;
        if (violations > 0) throw new Error(`it would leave ${violations} rows referring to missing rows`);
      }).immediate();
    } finally {
      db.pragma('foreign_keys = ON');
    }
  } finally {
    db.exec(`DETACH DATABASE restored`);
  }
}

/** Copies the backup's database and migrates the copy to this version; returns its frame folders. */
function prepareDatabase(backupFile: string, copy: string): string[] {
  copyFileSync(backupFile, copy);
  const db = openDatabase(copy);
  try {
    return db.prepare<[], string>(`SELECT frames_dir FROM recordings`).pluck().all();
  } finally {
    db.close();
  }
}

/** Links in the frame folders the live store lacks (via .staging, renamed into place). */
function placeFrames(dataDir: string, backupDir: string, mediaPaths: string[]): void {
  const media = path.join(dataDir, 'media');
  for (const mediaPath of mediaPaths) {
    const target = path.join(media, mediaPath);
    if (existsSync(target)) continue;
    const staging = path.join(media, '.staging', `restore-${path.basename(mediaPath)}`);
    rmSync(staging, { recursive: true, force: true });
    linkTree(path.join(backupDir, 'media', mediaPath), staging);
    mkdirSync(path.dirname(target), { recursive: true });
    renameSync(staging, target);
  }
}

/** Puts the staged run folders in place; returns how to undo that. */
function swapRuns(dataDir: string, staged: string): { undo(): void; commit(): void } {
  const live = runsRoot(dataDir);
  const replaced = path.join(dataDir, replacedRunsName);
  rmSync(replaced, { recursive: true, force: true });
  if (existsSync(live)) renameSync(live, replaced);
  renameSync(staged, live);
  return {
    undo() {
      rmSync(live, { recursive: true, force: true });
      if (existsSync(replaced)) renameSync(replaced, live);
    },
    commit: () => rmSync(replaced, { recursive: true, force: true }),
  };
}

/** Finishes or undoes what a restore interrupted by a crash left; call at start-up. */
export function sweepRestoreLeftovers(dataDir: string): void {
  const replaced = path.join(dataDir, replacedRunsName);
  if (existsSync(replaced)) {
    if (existsSync(runsRoot(dataDir))) rmSync(replaced, { recursive: true, force: true });
    else renameSync(replaced, runsRoot(dataDir));
  }
  rmSync(path.join(dataDir, workDirName), { recursive: true, force: true });
}

export interface RestoreRequest {
  db: Db;
  dataDir: string;
  name: string;
  /** Jobs queued or running: a restore waits until there are none. */
  activeJobs: () => Job[];
}

export function restoreBackup({ db, dataDir, name, activeJobs }: RestoreRequest): RestoreResult {
  const active = activeJobs();
  if (active.length > 0) {
    const kinds = [...new Set(active.map((j) => j.kind))].join(', ');
    throw new ApiError('CONFLICT', `A restore replaces all data, so no job may run: ${active.length} job(s) are queued or running (${kinds}). Wait for them or cancel them; nothing was changed.`);
  }
  const check = verifyBackup(dataDir, name);
  if (!check.ok) throw new ApiError('CONFLICT', `Backup "${name}" cannot be restored: ${check.problems.join('; ')}. Nothing was changed.`, undefined, { problems: check.problems });
  const backup = findBackup(dataDir, name);
  const work = path.join(dataDir, workDirName);
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work);
  const mediaRoot = path.join(dataDir, 'media');
  try {
    const copy = path.join(work, databaseFileName);
    let mediaPaths: string[];
    try {
      mediaPaths = prepareDatabase(path.join(backup.dir, databaseFileName), copy);
    } catch (error) {
      throw new ApiError('CONFLICT', `Backup "${name}" cannot be restored: ${(error as Error).message}. Nothing was changed.`);
    }
    const stagedRuns = path.join(work, 'runs');
    if (existsSync(path.join(backup.dir, 'runs'))) linkTree(path.join(backup.dir, 'runs'), stagedRuns);
    else mkdirSync(stagedRuns);

    const safety = writeBackupNow(db, dataDir, 'before-restore');
    const liveMediaPaths = db.prepare<[], string>(`SELECT frames_dir FROM recordings`).pluck().all();
    placeFrames(dataDir, backup.dir, mediaPaths);
    const runs = swapRuns(dataDir, stagedRuns);
    try {
      replaceContent(db, copy);
    } catch (error) {
      runs.undo();
      sweepFrameStore(mediaRoot, new Set(liveMediaPaths));
      throw new ApiError('CONFLICT', `Backup "${name}" cannot be restored: ${(error as Error).message}. Nothing was changed.`);
    }
    runs.commit();
    sweepFrameStore(mediaRoot, new Set(mediaPaths));
    return { restored: name, safetyBackup: safety.manifest.name };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
