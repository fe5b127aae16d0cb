import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import type { ImportReport } from '../../src/shared/api/datasets';
import { LABEL_SETS, type LabelSetId } from '../../src/shared/domain/labels';
import { openDatabase } from '../../src/main/core/db/connection';
import { createProjectsRepository } from '../../src/main/core/db/repositories/projects';
import { decide } from '../../src/main/core/datasets/import/decide';
import { planImport } from '../../src/main/core/datasets/import/plan';
import { buildReport } from '../../src/main/core/datasets/import/report';
import { SHEETS_DIR } from '../domain/real-sheets';
import { tempDir } from '../helpers/backend';
import { frameNames, memoryDisk } from './memory-disk';

/**
 * The real CASME II and SAMM sheets planned against a disk (in memory) that holds every clip
 * folder with every frame onset..offset: what is reported is the sheets' own defects.
 */
const db = openDatabase(path.join(tempDir('mer-plan-'), 'w.sqlite'));
afterAll(() => db.close());
const projects = createProjectsRepository(db);
const projectFor = (set: LabelSetId) => projects.insert({ name: `${set}-${Math.random()}`, labelSet: [...LABEL_SETS[set].labels], defaultFps: 200 });

function planRealSheet(file: string, set: LabelSetId, folderOf: (subject: string, clip: string) => string, frameName: (subject: string, n: number) => string): ImportReport {
  const projectId = projectFor(set);
  const sheet = path.join(SHEETS_DIR, file);
  // First read the sheet against an empty disk to learn its rows, then build the disk from them.
  const blind = planImport(db, { projectId, root: '/', sheet }, memoryDisk('/', {}));
  const folders: Record<string, string[]> = {};
  for (const r of blind.rows) {
    if (r.onset !== null && r.offset !== null) folders[folderOf(r.subjectRaw, r.clip)] = frameNames(r.onset, r.offset, (n) => frameName(r.subjectRaw, n));
  }
  const root = `/datasets/${set}`;
  const plan = planImport(db, { projectId, root, sheet }, memoryDisk(root, folders));
  return buildReport(plan, decide(db, plan), { dryRun: true });
}

const row = (report: ImportReport, key: string) => report.rows.find((r) => r.key === key)!;
const defectsOf = (report: ImportReport, key: string) => row(report, key).defects.map((d) => d.code);

describe('the real sheets and their known defects (DATASETS.md A.1, A.2)', () => {
  test('CASME II 20140508: 255 rows, 26 subjects; the "/" apex of sub04 EP12_01f stored missing; 3 irregular names; 5 suspect apexes', () => {
    const report = planRealSheet('CASME2-coding-20140508.xlsx', 'casme2', (s, c) => `CASME2_RAW_selected/sub${s}/${c}`, (_s, n) => `img${n}.jpg`);
    expect(report).toMatchObject({ format: 'casme2', annotator: 'CASME II sheet 20140508', fps: 200, framesUnder: 'CASME2_RAW_selected', sheet: { tab: 'Sheet1', headerRow: 1 } });
    expect(report.counts).toMatchObject({ rows: 255, imported: 255, skipped: 0, subjects: 26, recordings: 255, events: 255, missingApex: 1, flagged: 9, newEvents: 255 });
    expect(report.defects).toEqual({ 'apex-missing': 1, 'apex-suspect': 5, 'irregular-name': 3 });
    expect(row(report, 'sub04/EP12_01f')).toMatchObject({ row: 31, subjectRaw: '04', apexRaw: '/', apex: null, status: 'imported-with-defects' });
    expect(report.rows.filter((r) => r.defects.some((d) => d.code === 'irregular-name')).map((r) => r.key)).toEqual(['sub07/EP06_02_01', 'sub07/EP06_02_02', 'sub09/EP09f']);
    const suspect = report.rows.filter((r) => r.defects.some((d) => d.code === 'apex-suspect')).map((r) => r.defects.find((d) => d.code === 'apex-suspect')!.message);
    expect(suspect.filter((m) => m.includes('on the onset'))).toHaveLength(1);
    expect(suspect.filter((m) => m.includes('on the offset'))).toHaveLength(4);
    // Leading zeros kept (the subject is text "01"); a numeric AU cell is text "12".
    expect(report.rows[0]).toMatchObject({ row: 2, key: 'sub01/EP02_01f', subject: 'sub01', subjectRaw: '01', onset: 46, apex: 59, offset: 86, aus: '12', emotion: 'happiness', status: 'imported' });
    expect(new Set(report.rows.map((r) => r.subjectRaw)).size).toBe(26);
    expect(report.rows.every((r) => /^\d\d$/.test(r.subjectRaw))).toBe(true);
  });

  test('SAMM v2: header on row 14; 028_4_1 apex after offset and 032_3_1 apex before onset stored missing and flagged; 032_3_2 apex one frame after onset reported', () => {
    const report = planRealSheet('SAMM_Micro_FACS_Codes_v2.xlsx', 'samm', (s, c) => `${s}/${c}`, (s, n) => `${s}_${String(n).padStart(5, '0')}.jpg`);
    expect(report).toMatchObject({ format: 'samm', annotator: 'SAMM sheet SAMM_Micro_FACS_Codes_v2', sheet: { tab: 'MICRO_ONLY', headerRow: 14 }, framesUnder: '' });
    expect(report.notes).toContain('The header is on row 14 of tab "MICRO_ONLY"; rows 1–13 above it are notes, not data.');
    expect(report.counts).toMatchObject({ rows: 159, imported: 159, skipped: 0, subjects: 29, recordings: 159, missingApex: 2, flagged: 4 });
    expect(report.defects).toEqual({ 'apex-outside': 2, 'apex-suspect': 2 });
    expect(row(report, '028_4_1')).toMatchObject({ subject: '028', apexRaw: '1143', apex: null, offset: 1134, status: 'imported-with-defects' });
    expect(row(report, '028_4_1').defects[0]!.message).toBe('The apex 1143 is after the offset 1134');
    expect(row(report, '032_3_1')).toMatchObject({ apexRaw: '1930', apex: null, onset: 4896 });
    expect(row(report, '032_3_1').defects[0]!.message).toBe('The apex 1930 is before the onset 4896');
    expect(defectsOf(report, '032_3_2')).toEqual(['apex-suspect']);
    expect(row(report, '006_1_2')).toMatchObject({ row: 15, subject: '006', subjectRaw: '006', emotionRaw: 'Anger', emotion: 'anger', objectiveClass: '3', aus: '4+7' });
    expect(new Set(report.rows.map((r) => r.subject))).toHaveProperty('size', 29);
  });

  test('SAMM into a project with CASME II labels: "Other" becomes "others", labels the set lacks are stored and reported', () => {
    const projectId = projectFor('casme2');
    const root = '/datasets/samm-c2';
    const sheet = path.join(SHEETS_DIR, 'SAMM_Micro_FACS_Codes_v2.xlsx');
    const plan = planImport(db, { projectId, root, sheet }, memoryDisk(root, {}));
    const report = buildReport(plan, decide(db, plan), { dryRun: true });
    // No folders on this disk: every row is skipped, each with its reason.
    expect(report.counts).toMatchObject({ rows: 159, imported: 0, skipped: 159 });
    expect(report.rows[0]!.reason).toBe(`No folder of numbered images at 006/006_1_2 or 006_1_2 under ${root}`);
    expect(plan.rows.filter((r) => r.state?.emotion === 'others')).toHaveLength(26);
    expect(report.defects['label-not-in-project']).toBe(69); // anger 57 + contempt 12
  });
});
