import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { openDatabase } from '../../src/main/core/db/connection';
import { migrations } from '../../src/main/core/db/migrations';
import { createRecordingsRepository } from '../../src/main/core/db/repositories/recordings';
import { latestVersion, type Migration } from '../../src/main/core/db/migrate';
import { tempDir } from '../helpers/backend';

const fileHash = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

function checkpointAndClose(db: Database.Database): void {
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
}

describe('database', () => {
  test('a new database is migrated to the latest version, in WAL mode with foreign keys and STRICT tables', () => {
    const file = path.join(tempDir(), 'w.sqlite');
    const db = openDatabase(file);
    expect(db.pragma('user_version', { simple: true })).toBe(latestVersion(migrations));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    const tables = db.prepare<[], { name: string; sql: string }>(`SELECT name, sql FROM sqlite_schema WHERE type = 'table'`).all();
    expect(tables.map((t) => t.name).sort()).toEqual(['annotators', 'backup_settings', 'capture_sessions', 'dataset_events', 'event_aus', 'event_changes', 'events', 'import_reports', 'jobs', 'label_mappings', 'projects', 'recordings', 'subjects', 'training_epochs', 'training_fold_diagnostics', 'training_folds', 'training_predictions', 'training_runs']);
    for (const t of tables) expect(t.sql, t.name).toMatch(/\)\s*STRICT(, WITHOUT ROWID)?$/);
    // STRICT: a wrong type is refused instead of silently stored.
    expect(() => db.prepare(`INSERT INTO projects (name, label_set, default_fps, created_at, updated_at) VALUES ('p', '[]', 'fast', 'n', 'n')`).run()).toThrow(/cannot store TEXT value in REAL column/);
    // Foreign keys are enforced.
    expect(() => db.prepare(`INSERT INTO subjects (project_id, code, created_at, updated_at) VALUES (42, 's', 'n', 'n')`).run()).toThrow(/FOREIGN KEY/);
    db.close();
  });

  test('reopening is a no-op and keeps the data', () => {
    const file = path.join(tempDir(), 'w.sqlite');
    const db = openDatabase(file);
    db.prepare(`INSERT INTO projects (name, label_set, default_fps, created_at, updated_at) VALUES ('kept', '[]', 50, 'n', 'n')`).run();
    db.close();
    const again = openDatabase(file);
    expect(again.prepare(`SELECT name FROM projects`).pluck().all()).toEqual(['kept']);
    again.close();
  });

  test('a database written by a newer version is refused with a message that says so, and is left untouched', () => {
    const file = path.join(tempDir(), 'w.sqlite');
    const raw = new Database(file);
    raw.exec(`CREATE TABLE future (x) ; INSERT INTO future VALUES (1)`);
    raw.pragma('user_version = 990');
    checkpointAndClose(raw);
    const before = fileHash(file);
    expect(() => openDatabase(file)).toThrow(`newer version of MER Workstation (schema 990; this version knows up to ${latestVersion(migrations)})`);
    expect(fileHash(file)).toBe(before);
  });

  test('a failed migration leaves the file exactly as it was', () => {
    const file = path.join(tempDir(), 'w.sqlite');
    checkpointAndClose(openDatabase(file));
    const before = fileHash(file);
    const latest = latestVersion(migrations);
    const broken: Migration = {
      version: latest + 10,
      name: 'broken',
      up(db) {
        db.exec(`CREATE TABLE half_done (x INTEGER) STRICT; INSERT INTO half_done VALUES (1)`);
        throw new Error('disk on fire');
      },
    };
    expect(() => openDatabase(file, { migrations: [...migrations, broken] })).toThrow(`Migration ${latest + 10} (broken) failed: disk on fire`);
    const db = new Database(file);
    expect(db.pragma('user_version', { simple: true })).toBe(latest);
    expect(db.prepare(`SELECT name FROM sqlite_schema WHERE name = 'half_done'`).all()).toEqual([]);
    checkpointAndClose(db);
    expect(fileHash(file)).toBe(before);
  });

  test('a database of the first release (schema 10) is upgraded with its data', () => {
    const file = path.join(tempDir(), 'w.sqlite');
    const old = openDatabase(file, { migrations: migrations.filter((m) => m.version <= 10) });
    old.prepare(`INSERT INTO projects (name, label_set, default_fps, created_at, updated_at) VALUES ('Old', '["a","b"]', 50, 'n', 'n')`).run();
    old.prepare(`INSERT INTO recordings (project_id, name, source_path, content_hash, fps_num, fps_den, width, height, frame_count, frames_dir, created_at)
      VALUES (1, 'clip', '/c.mp4', 'h', 50, 1, 64, 64, 10, 'recordings/x', 'n')`).run();
    old.close();
    const db = openDatabase(file);
    expect(db.pragma('user_version', { simple: true })).toBe(latestVersion(migrations));
    expect(db.prepare(`SELECT name, source_kind, frame_format, missing_frames FROM recordings`).get()).toEqual({ name: 'clip', source_kind: 'video', frame_format: 'jpg', missing_frames: '[]' });
    // Its previews were written one file per frame, and the recording still says so.
    expect(createRecordingsRepository(db).get(1)?.previewsPerSheet).toBeNull();
    db.close();
  });

  test('migration versions must increase', () => {
    const m = (version: number): Migration => ({ version, name: `m${version}`, up: () => undefined });
    const file = path.join(tempDir(), 'w.sqlite');
    expect(() => openDatabase(file, { migrations: [m(10), m(10)] })).toThrow(/not above 10/);
  });
});
