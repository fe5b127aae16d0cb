import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { databaseFileName } from '../../src/main/core/data-dir';
import { openDatabase, type Db } from '../../src/main/core/db/connection';
import { violate, type Tally } from './tally';

/** Reads the database read-only beside the running server (WAL lets both look at once). */
export function withReadOnlyDb<T>(dataDir: string, read: (db: Db) => T): T {
  const db = openDatabase(path.join(dataDir, databaseFileName), { readonly: true });
  try {
    return read(db);
  } finally {
    db.close();
  }
}

function checkIntegrity(db: Db, tally: Tally, where: string): void {
  const result = db.pragma('integrity_check') as { integrity_check: string }[];
  if (result.length !== 1 || result[0]?.integrity_check !== 'ok') {
    violate(tally, 'integrity', `${where}: PRAGMA integrity_check says ${result.map((r) => r.integrity_check).join('; ')}`);
  }
  const dangling = db.pragma('foreign_key_check') as { table: string; rowid: number; parent: string }[];
  for (const d of dangling.slice(0, 5)) violate(tally, 'integrity', `${where}: ${d.table} row ${d.rowid} refers to a missing ${d.parent} row`);
}

/** Frame files of one recording folder. */
function frameFiles(dir: string): number {
  return existsSync(dir) ? readdirSync(dir).filter((f) => /^-?\d+\.(jpg|png)$/.test(f)).length : -1;
}

/** Every recording row has its folder with all its frames; every folder has its row; nothing is left in staging or the trash. */
function checkFrameStore(db: Db, mediaRoot: string, tally: Tally, where: string): void {
  const rows = db.prepare<[], { id: number; frames_dir: string; frame_count: number }>(`SELECT id, frames_dir, frame_count FROM recordings`).all();
  for (const row of rows) {
    const files = frameFiles(path.join(mediaRoot, row.frames_dir, 'frames'));
    if (files === -1) violate(tally, 'orphans', `${where}: recording ${row.id} has no frame folder (${row.frames_dir})`);
    else if (files !== row.frame_count) violate(tally, 'orphans', `${where}: recording ${row.id} has ${files} of its ${row.frame_count} frames`);
  }
  const referenced = new Set(rows.map((r) => r.frames_dir));
  const recordingsDir = path.join(mediaRoot, 'recordings');
  for (const name of existsSync(recordingsDir) ? readdirSync(recordingsDir) : []) {
    if (!referenced.has(`recordings/${name}`)) violate(tally, 'orphans', `${where}: frame folder recordings/${name} has no recording row`);
  }
  for (const leftover of ['.staging', '.trash']) {
    const dir = path.join(mediaRoot, leftover);
    for (const name of existsSync(dir) ? readdirSync(dir) : []) violate(tally, 'orphans', `${where}: ${leftover}/${name} was left after start-up`);
  }
}

/** Start-up has marked every job and run a killed process left behind. */
function checkNothingRunning(db: Db, tally: Tally, where: string): void {
  const jobs = db.prepare<[], { id: number; kind: string; status: string }>(`SELECT id, kind, status FROM jobs WHERE status IN ('queued', 'running')`).all();
  for (const job of jobs) violate(tally, null, `${where}: job ${job.id} (${job.kind}) is still ${job.status} after the restart; it should be interrupted`);
  const runs = db.prepare<[], { id: number }>(`SELECT id FROM training_runs WHERE status = 'running'`).all();
  for (const run of runs) violate(tally, null, `${where}: training run ${run.id} is still running after the restart; it should be interrupted`);
}

/** The checks that hold after every restart, whatever was killed. */
export function checkAfterRestart(dataDir: string, tally: Tally, where: string): void {
  withReadOnlyDb(dataDir, (db) => {
    checkIntegrity(db, tally, where);
    checkFrameStore(db, path.join(dataDir, 'media'), tally, where);
    checkNothingRunning(db, tally, where);
  });
}
