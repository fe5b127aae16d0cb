import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import type { GenericMapping, ImportReport } from '../../src/shared/api/datasets';
import { LABEL_SETS, type LabelSetId } from '../../src/shared/domain/labels';
import { openDatabase } from '../../src/main/core/db/connection';
import { createProjectsRepository } from '../../src/main/core/db/repositories/projects';
import { decide } from '../../src/main/core/datasets/import/decide';
import { planImport, type PlanInput } from '../../src/main/core/datasets/import/plan';
import { buildReport } from '../../src/main/core/datasets/import/report';
import { tempDir } from '../helpers/backend';
import { frameNames, memoryDisk } from './memory-disk';
import { casmeSheetRows, writeWorkbook, type CellValue } from './sheet-files';

/** Where each dataset's frames are on disk, and what its sheet gets wrong: planned on in-memory folders. */
const dir = tempDir('mer-layouts-');
const db = openDatabase(path.join(dir, 'w.sqlite'));
afterAll(() => db.close());
const projects = createProjectsRepository(db);
const project = (set: LabelSetId | string[]) =>
  projects.insert({ name: `p-${Math.random()}`, labelSet: Array.isArray(set) ? set : [...LABEL_SETS[set].labels], defaultFps: 50 });

function plan(input: Omit<PlanInput, 'projectId'> & { projectId?: number }, folders: Record<string, readonly string[]>, set: LabelSetId | string[] = 'casme2'): ImportReport {
  const p = planImport(db, { projectId: input.projectId ?? project(set), ...input }, memoryDisk(input.root, folders));
  return buildReport(p, decide(db, p), { dryRun: true });
}
const img = (first: number, last: number) => frameNames(first, last, (n) => `img${n}.jpg`);
const byKey = (report: ImportReport) => Object.fromEntries(report.rows.map((r) => [r.key || `row ${r.row}`, r]));

describe('CASME II folders', () => {
  const sheet = writeWorkbook(path.join(dir, 'CASME2-coding-20140508.xlsx'), {
    Sheet1: casmeSheetRows([
      { subject: '01', clip: 'EP02_01f', onset: 46, apex: 59, offset: 86, aus: 12, emotion: 'happiness' },
      { subject: '01', clip: 'EP03_02', onset: 131, apex: 139, offset: 161, aus: 18, emotion: 'others' },
      { subject: '02', clip: 'EP09_01', onset: 26, apex: 56, offset: 125, aus: '1+12', emotion: 'happiness' },
      { subject: '03', clip: 'EP01_2', onset: 10, apex: 12, offset: 20, aus: 4, emotion: 'disgust' },
      { subject: '04', clip: 'EP12_01f', onset: 1, apex: '/', offset: 30, aus: 4, emotion: 'disgust' },
    ]),
  });

  test('whole clips under CASME2-RAW with unpadded subject folders; every row checked against its frames', () => {
    const report = plan({ root: '/d', sheet }, {
      'CASME2-RAW/01/EP02_01f': img(1, 120),
      // Only onset, apex and offset on disk: imported, flagged.
      'CASME2-RAW/01/EP03_02': ['img131.jpg', 'img139.jpg', 'img161.jpg'],
      // Numbered from 1: the sheet's frames are not in this folder.
      'CASME2-RAW/sub2/EP09_01': img(1, 40),
      'CASME2-RAW/04/EP12_01f': frameNames(1, 30, (n) => `reg_img${n}.jpg`),
      'Cropped/sub01/EP02_01f': img(46, 86),
    });
    expect(report.framesUnder).toBe('CASME2-RAW');
    const rows = byKey(report);
    expect(rows['sub01/EP02_01f']).toMatchObject({ status: 'imported', folder: 'CASME2-RAW/01/EP02_01f' });
    expect(rows['sub01/EP03_02']!.defects.map((d) => d.message)).toEqual(['28 of the 31 frames 131..161 have no image in CASME2-RAW/01/EP03_02 (132, 133, 134, 135, 136, …)']);
    expect(rows['sub02/EP09_01']).toMatchObject({ status: 'skipped', reason: "The sheet's frames 26..125 are not in CASME2-RAW/sub2/EP09_01, whose images are numbered 1..40 (the folder does not match the sheet)" });
    expect(rows['sub03/EP01_2']).toMatchObject({ status: 'skipped', reason: 'No folder of numbered images at sub03/EP01_2 under /d/CASME2-RAW' });
    expect(rows['sub04/EP12_01f']).toMatchObject({ status: 'imported-with-defects', apex: null, folder: 'CASME2-RAW/04/EP12_01f' });
    expect(report.counts).toMatchObject({ imported: 3, skipped: 2, missingApex: 1, flagged: 2, subjects: 2, recordings: 3 });
  });

  test('the root may be the folder of subject folders itself', () => {
    const report = plan({ root: '/d/CASME2_RAW_selected', sheet }, { 'sub01/EP02_01f': img(46, 86), 'sub01/EP03_02': img(131, 161) });
    expect(report.framesUnder).toBe('');
    expect(report.counts).toMatchObject({ imported: 2, skipped: 3 });
  });
});

test('SAMM frames renamed to {frame}.jpg, and a clip folder found by name outside the layout', () => {
  const sheet = writeWorkbook(path.join(dir, 'SAMM.xlsx'), {
    MICRO_ONLY: [
      ['Subject', 'Filename', 'Inducement Code', 'Onset Frame', 'Apex Frame', 'Offset Frame', 'Duration', 'Micro', 'Action Units', 'Estimated Emotion', 'Objective Classes', 'Notes'],
      ['006', '006_1_2', 1, 5562, 5588, 5632, 71, 'Micro - 1/2', '4+7', 'Anger', 3, null],
      ['007', '007_3_1', 3, 100, 110, 120, 22, 'Micro - 1/2', 12, 'Happiness', 1, 'Blinks'],
    ],
  });
  const report = plan({ root: '/samm', sheet }, { 'SAMM/006/006_1_2': img(5562, 5632).map((n) => n.replace('img', '')), 'extra/007_3_1': frameNames(100, 120, (n) => `007_${String(n).padStart(5, '0')}.jpg`) }, 'samm');
  expect(report.rows.map((r) => [r.key, r.status, r.folder])).toEqual([
    ['006_1_2', 'imported', 'SAMM/006/006_1_2'],
    ['007_3_1', 'imported-with-defects', 'extra/007_3_1'],
  ]);
  expect(report.rows[1]!.defects.map((d) => d.code)).toEqual(['duration-mismatch']);
  expect(report.notes).toContain("1 clip folder(s) were found by name outside the dataset's usual layout.");
});

test('CAS(ME)³: text cells, several micro-expressions per video (clip = Filename + onset), spNO vs spNo folders, offset 0, macro rows', () => {
  const rows: CellValue[][] = [
    ['Subject', 'Filename', 'Onset', 'Apex', 'Offset', 'AU', 'Objective class', 'emotion'],
    ['spNO.1', 'a', '355', '360', '370', 'L12+R10', 'I', 'happy'],
    ['spNO.1', 'a', '400', '400', '410', '2+1', 'V', 'Others'],
    ['spNO.40', 'e', '1800', '1810', '0', '4', 'II', 'disgust'],
    ['spNO.2', 'b', '5', '9', '12', '26+25', 'VII', 'others'],
  ];
  const sheet = writeWorkbook(path.join(dir, 'cas(me)3_part_A_ME_label_JpgIndex_v2.xlsx'), { label: rows, Sheet1: [], Sheet3: [] });
  // meb's layout: one folder of the whole video, both events of spNO.1/a on one recording.
  const meb = plan({ root: '/c3', sheet }, { 'ME_A/spNO.1/a/color': frameNames(1, 500, (n) => `${n}.jpg`), 'ME_A/spNO.2/b/color': frameNames(1, 20, (n) => `${n}.jpg`) }, 'casme3');
  expect(meb).toMatchObject({ format: 'casme3', fps: 30, framesUnder: 'ME_A' });
  expect(meb.rows.map((r) => [r.key, r.status, r.emotion])).toEqual([
    ['spNO.1/a_355', 'imported', 'happiness'],
    ['spNO.1/a_400', 'imported-with-defects', 'others'],
    ['spNO.40/e_1800', 'skipped', null],
    ['spNO.2/b_5', 'imported', 'others'],
  ]);
  expect(meb.rows[2]!.reason).toBe('The offset is 0: not annotated (a known defect of copies of this sheet)');
  expect(meb.counts).toMatchObject({ recordings: 2, events: 3, subjects: 2 });
  // carf_net's layout: a folder per micro-expression, spelled spNo.
  const carf = plan({ root: '/c3b', sheet }, { 'spNo.1_a_355': frameNames(355, 370, (n) => `${n}.jpg`), 'spNo.1_a_400': frameNames(400, 410, (n) => `${n}.jpg`) }, 'casme3');
  expect(carf.rows.map((r) => r.folder)).toEqual(['spNo.1_a_355', 'spNo.1_a_400', null, null]);
  expect(carf.counts.recordings).toBe(2);
  // The all-expressions workbook: macro-expressions are listed as skipped, never imported.
  const xls = writeWorkbook(path.join(dir, 'CAS(ME)3_part_A_v2.xls'), {
    'AU+Emotion': [
      ['Subject', 'Filename', 'Onset', 'Apex', 'Offset', 'AU', 'Expression type', 'Objective class', 'emotion'],
      ['spNO.1', 'a', '355', '360', '370', '12', 'Micro-expression', 'I', 'happy'],
      ['spNO.1', 'a', '100', '150', '300', '12', 'Macro-expression', 'I', 'happy'],
    ],
    'eye blink': [['Subject', 'Filename', 'Onset', 'Offset'], ['spNO.1', 'a', '20', '25']],
  });
  const all = plan({ root: '/c3b', sheet: xls }, { 'spNo.1_a_355': frameNames(355, 370, (n) => `${n}.jpg`) }, 'casme3');
  expect(all.rows.map((r) => [r.status, r.reason])).toEqual([
    ['imported', null],
    ['skipped', 'A macro-expression ("Macro-expression"): only micro-expressions are imported'],
  ]);
});

test('MMEW: recognised by its remarks column; frames under Micro_Expression/<emotion>/<clip>', () => {
  const sheet = writeWorkbook(path.join(dir, 'MMEW_Micro_Exp.xlsx'), {
    Sheet1: [
      ['Subject', 'Filename', 'OnsetFrame', 'ApexFrame', 'OffsetFrame', 'Action Units', 'Estimated Emotion', 'remarks'],
      ['S01', 'S01-01-001', 1, 10, 20, '12', 'happiness', ''],
      [3, 'S03-01-002', 1, 5, 12, '4', 'disgust', 'glasses'],
    ],
  });
  const report = plan({ root: '/mmew', sheet }, { 'MMEW_Final/Micro_Expression/happiness/S01-01-001': img(1, 20).map((n) => n.replace('img', '')), 'MMEW_Final/S03/disgust/S03-01-002': frameNames(1, 12, (n) => `${n}.jpg`) }, 'mmew');
  expect(report).toMatchObject({ format: 'mmew', fps: 90 });
  expect(report.rows.map((r) => [r.subject, r.status, r.folder])).toEqual([
    ['S01', 'imported', 'MMEW_Final/Micro_Expression/happiness/S01-01-001'],
    ['S03', 'imported', 'MMEW_Final/S03/disgust/S03-01-002'],
  ]);
  expect(report.notes.some((n) => n.includes('90 fps') && n.includes('not verified'))).toBe(true);
});

test('SMIC: labels from folder names, HS at 100 fps and VIS at 25, non-micro clips listed as skipped, a clip name that disagrees with its folder', () => {
  const frames = (first: number, n: number) => frameNames(first, first + n - 1, (k) => `image${String(k).padStart(6, '0')}.bmp`);
  const report = plan({ root: '/SMIC_all_raw' }, {
    'HS/s1/micro/positive/s1_po_01': frames(1001, 12),
    'HS/s1/micro/positive/s1_ne_02': frames(2001, 8),
    'HS/s03/micro/surprise/s3_sur_01': frames(50, 10),
    'VIS/s1/micro/negative/s1_ne_01': frames(10, 5),
    'HS/s1/non_micro/s1_x_01': frames(1, 5),
  }, 'smic');
  expect(report).toMatchObject({ format: 'smic', sheet: null, annotator: 'SMIC folder labels' });
  expect(report.rows.map((r) => [r.key, r.status, r.emotion, r.onset, r.offset, r.apex])).toEqual([
    ['HS/s01/s1_ne_02', 'imported-with-defects', 'positive', 2001, 2008, null],
    ['HS/s01/s1_po_01', 'imported', 'positive', 1001, 1012, null],
    ['HS/s01/s1_x_01', 'skipped', null, 1, 5, null],
    ['HS/s03/s3_sur_01', 'imported', 'surprise', 50, 59, null],
    ['VIS/s01/s1_ne_01', 'imported', 'negative', 10, 14, null],
  ]);
  expect(report.rows[0]!.defects.map((d) => d.code)).toEqual(['label-mismatch']);
  expect(report.counts).toMatchObject({ subjects: 2, missingApex: 4, skipped: 1 });
  expect(report.notes[0]).toMatch(/SMIC ships no label sheet and no apex/);
  expect(() => plan({ root: '/SMIC' }, { 'SMIC_all_raw/HS/s1/micro/positive/s1_po_01': frames(1, 5), 'SMIC_all_cropped/HS/s1/micro/positive/s1_po_01': frames(1, 5) }, 'smic')).toThrow(
    '/SMIC holds both cropped and uncropped SMIC clips (e.g. SMIC_all_cropped and SMIC_all_raw): give one of those folders as the root',
  );
});

test('a generic sheet: the caller names the columns and the folder pattern', () => {
  const csv = path.join(dir, 'lab-coding.csv');
  const sheet = writeWorkbook(csv.replace('.csv', '.xlsx'), {
    Coding: [
      ['Participant', 'Video', 'Start', 'Peak', 'End', 'FACS', 'Label'],
      ['007', 'take1', 10, 12, 20, '12+#', 'Happy'],
      ['007', 'take2', 5, 30, 9, '4', 'fear'],
      ['008', 'take1', 1, 2, 3, '4', 'boredom'],
    ],
  });
  const mapping: GenericMapping = { subject: 'participant', clip: 'Video', onset: 'Start', apex: 'Peak', offset: 'End', aus: 'FACS', emotion: 'Label', folders: 'P{subject}/{clip}' };
  const report = plan({ root: '/lab', sheet, format: 'generic', generic: mapping }, { 'P007/take1': img(10, 20), 'P007/take2': img(1, 10), 'p008/TAKE1': img(1, 3) }, 'sdu');
  expect(report).toMatchObject({ format: 'generic', annotator: 'Sheet lab-coding', labelSet: null, fps: 50 });
  expect(report.rows.map((r) => [r.key, r.status, r.emotion, r.apex])).toEqual([
    ['007/take1', 'imported-with-defects', 'happiness', 12],
    ['007/take2', 'imported-with-defects', 'fear', null],
    ['008/take1', 'imported-with-defects', 'boredom', 2],
  ]);
  expect(report.rows.map((r) => r.defects.map((d) => d.code))).toEqual([['au-unparsed'], ['apex-outside'], ['unknown-label']]);
  expect(() => plan({ root: '/lab', sheet, format: 'generic', generic: { ...mapping, folders: '{subject}/../x' } }, {})).toThrow(/must name folders below the root/);
  expect(() => plan({ root: '/lab', sheet, format: 'generic', generic: { ...mapping, emotion: 'Feeling' } }, {})).toThrow(/has no "Feeling" column, which the column mapping needs/);
});

test('duplicate rows: an exact repeat is skipped, a second row for a clip with other values becomes a second event; nothing is dropped silently', () => {
  const sheet = writeWorkbook(path.join(dir, 'CASME2-dups.xlsx'), {
    Sheet1: [
      ...casmeSheetRows([
        { subject: '01', clip: 'EP02_01f', onset: 46, apex: 59, offset: 86, aus: 12, emotion: 'happiness' },
        { subject: '01', clip: 'EP02_01f', onset: 46, apex: 59, offset: 86, aus: 12, emotion: 'happiness' },
        { subject: '01', clip: 'EP02_01f', onset: 60, apex: 70, offset: 80, aus: 4, emotion: 'disgust' },
        { subject: '1', clip: 'EP03_02', onset: 'x' as unknown as number, apex: 2, offset: 3, aus: 4, emotion: 'fear' },
        { subject: '', clip: 'EP03_02', onset: 1, apex: 2, offset: 3, aus: 4, emotion: 'fear' },
        { subject: '01', clip: 'EP04_02', onset: 50, apex: 55, offset: 40, aus: 4, emotion: 'joy' },
      ]),
      [null, null, null, null],
      ['01', 'EP05_01', null, 1, 2, 3, null, 4, 'others'],
    ],
  });
  const report = plan({ root: '/d', sheet }, { 'sub01/EP02_01f': img(1, 100), 'sub01/EP05_01': img(1, 3) });
  expect(report.rows.map((r) => [r.row, r.key, r.status, r.reason])).toEqual([
    [2, 'sub01/EP02_01f', 'imported', null],
    [3, 'sub01/EP02_01f', 'skipped', 'Repeats row 2 (sub01/EP02_01f) exactly'],
    [4, 'sub01/EP02_01f#2', 'imported-with-defects', null],
    [5, 'sub01/EP03_02', 'skipped', 'The onset "x" is not a frame number'],
    [6, '', 'skipped', 'The Subject cell is empty'],
    [7, 'sub01/EP04_02', 'skipped', 'The onset 50 comes after the offset 40'],
    [9, 'sub01/EP05_01', 'imported', null],
  ]);
  expect(report.notes).toContain('1 empty row(s) between data rows were ignored.');
  expect(report.counts).toMatchObject({ rows: 7, imported: 3, skipped: 4, recordings: 2, events: 3 });
});

test('the root must exist; SMIC takes no sheet; a sheet format needs its sheet', () => {
  expect(() => planImport(db, { projectId: project('casme2'), root: '/no/such/root' })).toThrow('The dataset root /no/such/root does not exist or is not a readable folder');
  expect(() => plan({ root: '/r', format: 'casme2' }, {})).toThrow('CASME II needs its label sheet');
  expect(() => plan({ root: '/r' }, {})).toThrow(/No SMIC clip folders under \/r/);
});
