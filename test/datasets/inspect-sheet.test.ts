import { copyFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { SheetInspection } from '../../src/shared/api/datasets';
import type { Project } from '../../src/shared/api/projects';
import { SHEETS_DIR } from '../domain/real-sheets';
import { createTestBackend, tempDir } from '../helpers/backend';
import { writeWorkbook } from './sheet-files';

/** What the import wizard reads before a sheet can be mapped, and where it shows what went wrong. */
const work = tempDir('mer-inspect-');
let backend: ReturnType<typeof createTestBackend>;
let project: Project;

beforeAll(async () => {
  backend = createTestBackend();
  project = (await backend.dispatch('projects.create', { name: 'Wizard' })) as Project;
});
afterAll(async () => backend.dispose());

const inspect = async (sheet: string) => (await backend.dispatch('datasets.inspectSheet', { sheet })) as SheetInspection;

describe('datasets.inspectSheet', () => {
  test('the real SAMM sheet: the header found below the notes block, the first rows, the usual columns suggested', async () => {
    const { tabs } = await inspect(path.join(SHEETS_DIR, 'SAMM_Micro_FACS_Codes_v2.xlsx'));
    const micro = tabs.find((t) => t.name === 'MICRO_ONLY')!;
    expect(micro).toMatchObject({ headerRow: 14, dataRows: 159, columnCount: 12 });
    expect(micro.header.slice(0, 6)).toEqual(['Subject', 'Filename', 'Inducement Code', 'Onset Frame', 'Apex Frame', 'Offset Frame']);
    expect(micro.sample).toHaveLength(5);
    expect(micro.sample[0]).toMatchObject({ row: 15, cells: ['006', '006_1_2', '1', '5562', '5588', '5632', '71', 'Micro - 1/2', '4+7', 'Anger', '3'] });
    expect(micro.suggested).toEqual({
      subject: 'Subject',
      clip: 'Filename',
      onset: 'Onset Frame',
      apex: 'Apex Frame',
      offset: 'Offset Frame',
      aus: 'Action Units',
      emotion: 'Estimated Emotion',
      objectiveClass: 'Objective Classes',
      notes: 'Notes',
    });
  });

  test('a headerless sheet (CAS(ME)²-style) has no header: its rows are shown from the top', async () => {
    const csv = path.join(work, 'casme-sq.csv');
    writeFileSync(csv, '1,anger1_1,557,572,608,4+9,negative,micro-expression\n1,anger1_2,2854,2860,2871,4,negative,micro-expression\n');
    const [tab] = (await inspect(csv)).tabs;
    expect(tab).toMatchObject({ headerRow: null, header: [], dataRows: 2, columnCount: 8, suggested: {} });
    expect(tab!.sample.map((r) => [r.row, r.cells[1]])).toEqual([
      [1, 'anger1_1'],
      [2, 'anger1_2'],
    ]);
  });

  test('a file that is not a spreadsheet is refused, naming the sheet field', async () => {
    const fake = path.join(work, 'labels.xlsx');
    copyFileSync(path.join(__dirname, '../../../shared/fixtures/faces/grace_hopper.jpg'), fake);
    await expect(inspect(fake)).rejects.toMatchObject({
      code: 'VALIDATION',
      issues: [{ path: 'sheet', message: 'labels.xlsx is not a spreadsheet (.xlsx, .xls or .csv): it holds binary data that is neither' }],
    });
  });
});

describe('the preview names the field a problem is about', () => {
  const sheet = writeWorkbook(path.join(work, 'people.xlsx'), { Sheet1: [['Name', 'Age'], ['a', 3]] });
  const cases: [string, object, string, RegExp][] = [
    ['a sheet with no recognisable header', { root: work, sheet }, 'sheet', /people\.xlsx: no recognisable header row/],
    ['a root that is not a folder', { root: path.join(work, 'nowhere'), sheet }, 'root', /The dataset root .*nowhere does not exist/],
    ['a generic mapping naming a column the sheet lacks', { root: work, sheet, generic: { subject: 'Name', clip: 'Clip', onset: 'On', offset: 'Off', emotion: 'Age' } }, 'generic', /has no "Clip", "On", "Off" column, which the column mapping needs/],
    ['a SMIC tree without SMIC folders', { root: work, format: 'smic' }, 'root', /No SMIC clip folders under/],
  ];
  test.each(cases)('%s', async (_what, params, field, message) => {
    const error = (await backend.dispatch('datasets.preview', { projectId: project.id, ...params }).catch((e: unknown) => e)) as { code: string; issues?: { path: string; message: string }[] };
    expect(error.code).toBe('VALIDATION');
    expect(error.issues).toEqual([{ path: field, message: expect.stringMatching(message) }]);
  });
});
