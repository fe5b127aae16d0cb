import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import type { BackupCheck, BackupManifest } from '../../../shared/api/backups';
import { openDatabase, schemaVersion, type Db } from '../db/connection';
import { findBackup } from './layout';
import { measureTree } from './link-tree';
import { sha256OfFile } from './write-backup';

function checkDatabase(db: Db, manifest: BackupManifest): string[] {
  const problems: string[] = [];
  const integrity = db.pragma('integrity_check', { simple: false }) as { integrity_check: string }[];
  const messages = integrity.map((r) => r.integrity_check).filter((m) => m !== 'ok');
  if (messages.length > 0) problems.push(`The database fails SQLite's integrity check: ${messages.slice(0, 3).join('; ')}`);
  const violations = (db.pragma('foreign_key_check') as unknown[]).length;
  if (violations > 0) problems.push(`The database has ${violations} rows that refer to missing rows`);
  if (schemaVersion(db) !== manifest.schemaVersion) problems.push(`The database has schema ${schemaVersion(db)}, the manifest says ${manifest.schemaVersion}`);
  for (const [table, expected] of Object.entries(manifest.counts.tables)) {
    const rows = db.prepare<[], number>(`SELECT COUNT(*) FROM "${table.replaceAll('"', '""')}"`).pluck().get();
    if (rows !== expected) problems.push(`Table ${table} has ${rows} rows, the manifest says ${expected}`);
  }
  return problems;
}

function checkFiles(dir: string, db: Db, manifest: BackupManifest): string[] {
  const problems: string[] = [];
  const mediaPaths = db.prepare<[], string>(`SELECT frames_dir FROM recordings`).pluck().all();
  const missing = mediaPaths.filter((p) => !existsSync(path.join(dir, 'media', p)));
  if (missing.length > 0) problems.push(`The frames of ${missing.length} recording(s) are missing (e.g. ${missing[0]})`);
  const frames = measureTree(path.join(dir, 'media'));
  if (frames.files !== manifest.counts.frameFiles || frames.bytes !== manifest.bytes.frames) {
    problems.push(`The frame files are ${frames.files} files of ${frames.bytes} bytes, the manifest says ${manifest.counts.frameFiles} of ${manifest.bytes.frames}`);
  }
  const runs = measureTree(path.join(dir, 'runs'));
  if (runs.files !== manifest.counts.runFiles || runs.bytes !== manifest.bytes.runs) {
    problems.push(`The run files are ${runs.files} files of ${runs.bytes} bytes, the manifest says ${manifest.counts.runFiles} of ${manifest.bytes.runs}`);
  }
  return problems;
}

/**
 * Checks a backup without changing it: the manifest, the database file's checksum, SQLite's
 * integrity and foreign-key checks, row counts, and that every referenced frame folder is there
 * with the files and bytes the manifest lists.
 */
export function verifyBackup(dataDir: string, name: string): BackupCheck {
  const backup = findBackup(dataDir, name);
  const fail = (problems: string[]): BackupCheck => ({ name, ok: problems.length === 0, problems });
  const { manifest } = backup;
  if (!manifest) return fail([backup.problem ?? 'It has no readable manifest']);
  if (manifest.name !== name) return fail([`Its manifest belongs to the backup "${manifest.name}"`]);
  const file = path.join(backup.dir, manifest.database.file);
  if (!existsSync(file)) return fail([`Its database file ${manifest.database.file} is missing`]);
  const problems: string[] = [];
  if (statSync(file).size !== manifest.database.bytes) problems.push(`The database file has ${statSync(file).size} bytes, the manifest says ${manifest.database.bytes}`);
  else if (sha256OfFile(file) !== manifest.database.sha256) problems.push('The database file has changed since the backup was written (its SHA-256 differs from the manifest)');
  let db: Db | undefined;
  try {
    db = openDatabase(file, { readonly: true });
    problems.push(...checkDatabase(db, manifest), ...checkFiles(backup.dir, db, manifest));
  } catch (error) {
    problems.push(`The database cannot be read: ${(error as Error).message}`);
  } finally {
    db?.close();
  }
  return fail(problems);
}
