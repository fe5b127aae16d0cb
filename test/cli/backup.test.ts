import Database from 'better-sqlite3';
import { readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import { databaseFileName } from '../../src/main/core/data-dir';
import { mer } from '../helpers/cli';
import { makeTrainingProject } from '../helpers/training-project';

const names = (dataDir: string, table: string) => {
  const db = new Database(path.join(dataDir, databaseFileName), { readonly: true });
  const rows = db.prepare(`SELECT * FROM ${table} ORDER BY id`).all();
  db.close();
  return rows;
};

test('mer backup, then mer restore, brings back the data; an unknown backup is refused with one line', { timeout: 120_000 }, () => {
  const project = makeTrainingProject(2);
  const { dataDir } = project;
  project.db.close();
  const before = { projects: names(dataDir, 'projects'), events: names(dataDir, 'events'), recordings: names(dataDir, 'recordings') };

  const backup = mer(['backup', '--data-dir', dataDir]);
  expect(backup.status, backup.stderr).toBe(0);
  const { backup: name, bytes } = backup.json() as { backup: string; bytes: number };
  expect(name).toMatch(/^\d{4}-\d{2}-\d{2}T[\d-]+Z-manual$/);
  expect(bytes).toBeGreaterThan(0);

  const db = new Database(path.join(dataDir, databaseFileName));
  db.exec(`DELETE FROM events; UPDATE projects SET name = 'Changed'`);
  db.close();

  const unknown = mer(['restore', '--data-dir', dataDir, '--backup', 'no-such-backup']);
  expect(unknown.status).toBe(1);
  expect(unknown.stderr.trim()).toBe(`There is no backup "no-such-backup" in ${path.join(dataDir, 'backups')}`);

  const restore = mer(['restore', '--data-dir', dataDir, '--backup', name]);
  expect(restore.status, restore.stderr).toBe(0);
  const { restored, safetyBackup } = restore.json() as { restored: string; safetyBackup: string };
  expect(restored).toBe(name);
  expect({ projects: names(dataDir, 'projects'), events: names(dataDir, 'events'), recordings: names(dataDir, 'recordings') }).toEqual(before);
  expect(readdirSync(path.join(dataDir, 'backups')).sort()).toEqual([name, safetyBackup].sort());
  rmSync(dataDir, { recursive: true, force: true });
});
