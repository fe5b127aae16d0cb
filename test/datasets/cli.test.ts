import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import { tempDir } from '../helpers/backend';
import { mer } from '../helpers/cli';
import { casmeSheetRows, realCasmeRows, writeWorkbook } from './sheet-files';
import { casmeTree, renumber, span } from './tree';

test('import-dataset prints the report, the skipped rows with their reasons, and the counts as its last line; a failure leaves nothing', () => {
  const work = tempDir('mer-cli-dataset-');
  const rows = renumber(realCasmeRows([['01', 'EP02_01f'], ['04', 'EP12_01f'], ['02', 'EP01_11f']]));
  const root = casmeTree(path.join(work, 'CASME2_RAW_selected'), rows.slice(0, 2).map((r) => ({ subject: r.subject, clip: r.clip, frames: span(r.onset, r.offset) })));
  const sheet = writeWorkbook(path.join(work, 'CASME2-coding-20140508.xlsx'), { Sheet1: casmeSheetRows(rows) });
  const dataDir = path.join(work, 'data');

  const run = mer(['import-dataset', '--data-dir', dataDir, '--project', 'CASME II', '--root', root, '--sheet', sheet]);
  expect(run.status, run.stderr).toBe(0);
  expect(run.json()).toEqual({ subjects: 2, recordings: 2, events: 2, missing_apex: 1, flagged: 1, skipped: 1 });
  const lines = run.stdout.trim().split('\n');
  expect(lines[0]).toBe('CASME II: CASME2-coding-20140508.xlsx (tab "Sheet1", header on row 1) → project "CASME II" as coder "CASME II sheet 20140508", 200 fps');
  expect(lines).toContain('  row 3 sub04/EP12_01f: apex-missing: The sheet gives no apex ("/") → Stored with the apex missing');
  expect(lines.slice(-3, -1)).toEqual(['skipped 1 row(s):', `  row 4 sub02/EP01_11f: No folder of numbered images at sub02/EP01_11f under ${root}`]);
  // The new project has the dataset's label set and frame rate.
  const db = new Database(path.join(dataDir, 'workstation.sqlite'), { readonly: true });
  expect(db.prepare('SELECT name, label_set, default_fps FROM projects').all()).toEqual([
    { name: 'CASME II', label_set: JSON.stringify(['happiness', 'surprise', 'disgust', 'repression', 'sadness', 'fear', 'others']), default_fps: 200 },
  ]);
  db.close();

  const again = mer(['import-dataset', '--data-dir', dataDir, '--project', 'CASME II', '--root', root, '--sheet', sheet, '--format', 'casme2']);
  expect(again.status, again.stderr).toBe(0);
  expect(again.stdout).toMatch(/Nothing changed: the project already holds the 2 row\(s\)/);
  expect(again.json()).toEqual(run.json());

  const bad = mer(['import-dataset', '--data-dir', dataDir, '--project', 'Other', '--root', root, '--sheet', path.join(root, 'sub01', 'EP02_01f', 'img8.jpg')]);
  expect(bad.status).toBe(1);
  expect(bad.stderr.trim().split('\n')).toEqual(['img8.jpg is not a spreadsheet (.xlsx, .xls or .csv): it holds binary data that is neither']);
  const after = new Database(path.join(dataDir, 'workstation.sqlite'), { readonly: true });
  expect(after.prepare('SELECT name FROM projects').pluck().all()).toEqual(['CASME II']);
  after.close();

  const fresh = path.join(work, 'never');
  const none = mer(['import-dataset', '--data-dir', fresh, '--project', 'P', '--root', path.join(work, 'empty-root'), '--sheet', sheet]);
  expect(none.status).toBe(1);
  expect(none.stderr).toMatch(/The dataset root .*empty-root does not exist/);
  expect(existsSync(fresh)).toBe(false);
});
