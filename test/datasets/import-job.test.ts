import { copyFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { ImportReport, StoredImportReport } from '../../src/shared/api/datasets';
import type { Annotator, EventChange, LabelEvent } from '../../src/shared/api/events';
import type { Project } from '../../src/shared/api/projects';
import type { Recording } from '../../src/shared/api/recordings';
import type { Subject } from '../../src/shared/api/subjects';
import { LABEL_SETS } from '../../src/shared/domain/labels';
import { createTestBackend, tempDir } from '../helpers/backend';
import { runJob } from '../helpers/jobs';
import { casmeSheetRows, realCasmeRows, writeWorkbook, type CasmeRow } from './sheet-files';
import { casmeTree, jpegFrames, renumber, snapshot, span } from './tree';

/**
 * Real CASME II rows (20140508) on a small tree of real images: five clips renumbered to five
 * frames each, one clip with its real frame numbers but only its onset, apex and offset images,
 * and one row whose folder is absent.
 */
const work = tempDir('mer-dataset-job-');
const root = path.join(work, 'CASME2');
const small = renumber(realCasmeRows([['01', 'EP02_01f'], ['01', 'EP19_05f'], ['04', 'EP12_01f'], ['07', 'EP06_02_01'], ['05', 'EP09_05f']]));
const [sparse, absent] = realCasmeRows([['01', 'EP03_02'], ['02', 'EP01_11f']]) as [CasmeRow, CasmeRow];
const rows2014 = [...small, sparse, absent];
const sheet2014 = writeWorkbook(path.join(work, 'CASME2-coding-20140508.xlsx'), { Sheet1: casmeSheetRows(rows2014) });

let backend: ReturnType<typeof createTestBackend>;
let project: Project;

beforeAll(async () => {
  casmeTree(root, [
    ...small.map((r) => ({ subject: r.subject, clip: r.clip, frames: span(r.onset, r.offset) })),
    { subject: '01', clip: 'EP03_02', frames: [131, 139, 161] },
  ]);
  backend = createTestBackend();
  project = (await backend.dispatch('projects.create', { name: 'CASME II', labelSet: [...LABEL_SETS.casme2.labels], defaultFps: 200 })) as Project;
});
afterAll(async () => backend.dispose());

const importJob = async (params: object) => runJob(backend, 'datasets.import', { projectId: project.id, root, ...params });
const eventsOf = async () => ((await backend.dispatch('events.list', { projectId: project.id, limit: 1000 })) as { events: LabelEvent[] }).events;
const recordings = async () => (await backend.dispatch('recordings.list', { projectId: project.id })) as Recording[];
const byClip = (events: LabelEvent[], recs: Recording[], clip: string) => {
  const rec = recs.find((r) => r.name.endsWith(`/${clip}`));
  return events.find((e) => e.recordingId === rec?.id)!;
};

describe('importing a CASME II tree through the job', () => {
  test('subjects, recordings (frames keyed by the numbers in the file names) and events, with the report stored', async () => {
    const job = await importJob({ sheet: sheet2014 });
    expect(job.status, job.error ?? '').toBe('succeeded');
    const report = job.result as ImportReport;
    expect(job.message).toBe('Imported 6 of 7 rows of CASME2-coding-20140508.xlsx (6 new events, 4 flagged, 1 without apex); 1 skipped');
    expect(report.counts).toMatchObject({ rows: 7, imported: 6, skipped: 1, subjects: 4, newSubjects: 4, recordings: 6, newRecordings: 6, events: 6, newEvents: 6, missingApex: 1, flagged: 4 });
    expect(report.rows.find((r) => r.key === 'sub02/EP01_11f')).toMatchObject({ status: 'skipped', reason: `No folder of numbered images at sub02/EP01_11f under ${root}` });
    expect(report.defects).toEqual({ 'apex-missing': 1, 'apex-suspect': 1, 'irregular-name': 1, 'frames-missing': 1, 'no-folder': 1 });

    const subjects = (await backend.dispatch('subjects.list', { projectId: project.id })) as Subject[];
    expect(subjects.map((s) => [s.code, s.notes, s.recordingCount])).toEqual([
      ['sub01', 'CASME II subject 01', 3],
      ['sub04', 'CASME II subject 04', 1],
      ['sub05', 'CASME II subject 05', 1],
      ['sub07', 'CASME II subject 07', 1],
    ]);
    const recs = await recordings();
    const first = recs.find((r) => r.name === 'sub01/EP02_01f')!;
    expect(first).toMatchObject({ subjectCode: 'sub01', sourceKind: 'images', firstFrame: 8, lastFrame: 12, frameCount: 5, fps: { num: 200, den: 1 }, sourcePath: path.join(root, 'sub01', 'EP02_01f') });
    expect(readdirSync(path.join(backend.mediaDir, first.mediaPath, 'frames')).sort()).toEqual(['10.jpg', '11.jpg', '12.jpg', '8.jpg', '9.jpg']);
    const sparseRec = recs.find((r) => r.name === 'sub01/EP03_02')!;
    expect(sparseRec).toMatchObject({ firstFrame: 131, lastFrame: 161, frameCount: 3 });
    expect(sparseRec.missingFrames).toHaveLength(28);

    const events = await eventsOf();
    expect(events).toHaveLength(6);
    expect(byClip(events, recs, 'EP02_01f')).toMatchObject({ annotatorName: 'CASME II sheet 20140508', subjectCode: 'sub01', onset: 8, apex: small[0]!.apex, offset: 12, emotion: 'happiness', aus: '12', auNumbers: [12], flags: [], notes: '' });
    const noApex = byClip(events, recs, 'EP12_01f');
    expect(noApex).toMatchObject({ apex: null, flags: ['apex-missing'], aus: '4+7', subjectCode: 'sub04' });
    expect(noApex.notes).toBe('[import CASME2-coding-20140508.xlsx row 4] The sheet gives no apex ("/"). Stored with the apex missing.');
    expect(byClip(events, recs, 'EP03_02')).toMatchObject({ onset: 131, apex: 139, offset: 161, emotion: 'others', aus: '18' });
    expect(byClip(events, recs, 'EP03_02').notes).toMatch(/28 of the 31 frames 131\.\.161 have no image/);

    const stored = (await backend.dispatch('datasets.reports', { projectId: project.id })) as StoredImportReport[];
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ format: 'casme2', sheet: sheet2014, annotator: 'CASME II sheet 20140508', counts: report.counts });
    const full = (await backend.dispatch('datasets.report', { id: stored[0]!.id })) as { report: ImportReport };
    expect(full.report).toEqual({ ...report, reportId: stored[0]!.id });
    expect(report.reportId).toBe(stored[0]!.id);
  });

  test('importing the same sheet again changes nothing, and says so; a dry run and a preview write nothing either', async () => {
    const before = snapshot(backend.dataDir);
    const again = await importJob({ sheet: sheet2014 });
    expect(again.status, again.error ?? '').toBe('succeeded');
    expect(again.message).toMatch(/^Nothing changed: the project already holds the 6 row\(s\) of CASME2-coding-20140508\.xlsx/);
    expect(again.result).toMatchObject({ nothingChanged: true, reportId: null, counts: { imported: 6, unchangedEvents: 6, newEvents: 0, newRecordings: 0, reusedRecordings: 6, newSubjects: 0 } });
    const dry = await importJob({ sheet: sheet2014, dryRun: true });
    expect(dry.result).toMatchObject({ dryRun: true, nothingChanged: true });
    const preview = (await backend.dispatch('datasets.preview', { projectId: project.id, root, sheet: sheet2014 })) as ImportReport;
    expect(preview.changes).toMatchObject({ previous: [{ sheet: 'CASME2-coding-20140508.xlsx', annotator: 'CASME II sheet 20140508' }], added: 0, changed: 0, unchanged: 6, removed: [] });
    expect(snapshot(backend.dataDir)).toEqual(before);
  });

  test('bad input gives a clear message and leaves the project exactly as it was', async () => {
    const bad = path.join(work, 'bad');
    const png = path.join(bad, 'coding.xlsx');
    jpegFrames(bad, ['face.jpg']);
    copyFileSync(path.join(bad, 'face.jpg'), png);
    const noHeader = writeWorkbook(path.join(bad, 'no-header.xlsx'), { Sheet1: [['Name', 'Age'], ['a', 3]] });
    const noApex = writeWorkbook(path.join(bad, 'no-apex.xlsx'), { Sheet1: [['Subject', 'Filename', 'OnsetFrame', 'OffsetFrame', 'Action Units', 'Estimated Emotion'], ['01', 'EP02_01f', 8, 12, 12, 'happiness']] });
    // Folders numbered 1..5 where the sheet says 46..86 and 131..161.
    const mismatched = path.join(bad, 'renumbered');
    casmeTree(mismatched, [{ subject: '01', clip: 'EP02_01f', frames: span(1, 5) }, { subject: '01', clip: 'EP03_02', frames: span(1, 5) }]);
    const realSheet = writeWorkbook(path.join(bad, 'CASME2-real.xlsx'), { Sheet1: casmeSheetRows(realCasmeRows([['01', 'EP02_01f'], ['01', 'EP03_02']])) });
    // A new clip whose first image is not an image at all.
    const broken = path.join(bad, 'broken');
    casmeTree(broken, [{ subject: '10', clip: 'EP01_01', frames: span(1, 3) }, { subject: '10', clip: 'EP01_02', frames: span(2, 4) }]);
    writeFileSync(path.join(broken, 'sub10', 'EP01_02', 'img2.jpg'), 'not a jpeg');
    const brokenSheet = writeWorkbook(path.join(bad, 'CASME2-broken.xlsx'), {
      Sheet1: casmeSheetRows([
        { subject: '10', clip: 'EP01_01', onset: 1, apex: 2, offset: 3, aus: 12, emotion: 'happiness' },
        { subject: '10', clip: 'EP01_02', onset: 2, apex: 3, offset: 4, aus: 4, emotion: 'disgust' },
      ]),
    });
    // Through the job (worker process, all or nothing) ...
    const jobCases: [object, RegExp][] = [
      [{ sheet: png }, /coding\.xlsx is not a spreadsheet \(\.xlsx, \.xls or \.csv\)/],
      [{ sheet: noApex }, /no-apex\.xlsx: the header row \(row 1 of tab "Sheet1"\) has no "ApexFrame" column, which CASME II needs/],
      [{ sheet: realSheet, root: mismatched }, /No row of CASME2-real\.xlsx can be imported \(2 skipped: 2 frames-outside\. First: row 2 \(sub01\/EP02_01f\): The sheet's frames 46\.\.86 are not in sub01\/EP02_01f, whose images are numbered 1\.\.5/],
      [{ sheet: brokenSheet, root: broken }, /img2\.jpg in .*sub10\/EP01_02 is not a readable image; nothing was imported \(fix or remove that folder and import again\)/],
    ];
    // ... and the same planning behind the wizard's preview.
    const previewCases: [object, RegExp][] = [
      [{ sheet: noHeader }, /no-header\.xlsx: no recognisable header row/],
      [{ sheet: noApex, format: 'casme2' }, /has no "ApexFrame" column/],
      [{ sheet: sheet2014, root: path.join(work, 'nowhere') }, /The dataset root .*nowhere does not exist or is not a readable folder/],
      [{ sheet: sheet2014, format: 'smic' }, /SMIC has no label sheet/],
      [{ sheet: png }, /is not a spreadsheet/],
    ];
    const before = snapshot(backend.dataDir);
    for (const [params, message] of jobCases) {
      const job = await importJob(params);
      expect(job.status, JSON.stringify(params)).toBe('failed');
      expect(job.error).toMatch(message);
      expect(snapshot(backend.dataDir), JSON.stringify(params)).toEqual(before);
    }
    for (const [params, message] of previewCases) {
      await expect(backend.dispatch('datasets.preview', { projectId: project.id, root, ...params })).rejects.toMatchObject({ code: 'VALIDATION', message: expect.stringMatching(message) });
    }
    expect(snapshot(backend.dataDir)).toEqual(before);
  });

  test('a newer sheet (2019): the preview shows what changed; the import updates those events with an audit trail, keeping what the project edited since', async () => {
    const recs = await recordings();
    const events = await eventsOf();
    // A coder corrects an imported event; the 2019 sheet also changes that row (objective class).
    const ana = (await backend.dispatch('annotators.create', { name: 'Ana' })) as Annotator;
    const edited = byClip(events, recs, 'EP02_01f');
    await backend.dispatch('events.update', { id: edited.id, annotatorId: ana.id, version: edited.version, notes: 'checked frame by frame' });

    const rows2019 = rows2014.map((r) => (r.clip === 'EP19_05f' ? { ...r, aus: '4+7+L10' } : r.clip === 'EP06_02_01' ? { ...r, emotion: 'surprise' } : r));
    const sheet2019 = writeWorkbook(path.join(work, 'CASME2-coding-20190701.xlsx'), { Sheet1: casmeSheetRows(rows2019, [1, 3, 3, 3, 2, 7, 4]) });
    const preview = (await backend.dispatch('datasets.preview', { projectId: project.id, root, sheet: sheet2019 })) as ImportReport;
    expect(preview.annotator).toBe('CASME II sheet 20190701');
    expect(preview.changes).toMatchObject({ added: 0, changed: 5, unchanged: 0, conflicts: 1, removed: [], fields: { 'objective class': 6, AUs: 1, emotion: 1 } });
    expect(preview.changes.items.find((i) => i.key === 'sub01/EP19_05f')!.fields).toEqual([
      { field: 'objective class', before: '', after: '3' },
      { field: 'AUs', before: '4+L10', after: '4+7+L10' },
    ]);
    expect(preview.changes.items.find((i) => i.key === 'sub07/EP06_02_01')!.fields).toContainEqual({ field: 'emotion', before: 'disgust', after: 'surprise' });
    expect(preview.rows.find((r) => r.key === 'sub01/EP02_01f')).toMatchObject({ change: 'conflict', status: 'imported-with-defects' });

    const job = await importJob({ sheet: sheet2019 });
    expect(job.status, job.error ?? '').toBe('succeeded');
    expect(job.result).toMatchObject({ counts: { updatedEvents: 5, conflicts: 1, newEvents: 0, newRecordings: 0 } });
    const after = await eventsOf();
    const revised = byClip(after, recs, 'EP19_05f');
    expect(revised).toMatchObject({ aus: '4+7+L10', auNumbers: [4, 7, 10], objectiveClass: '3', annotatorName: 'CASME II sheet 20140508', version: 2 });
    expect(byClip(after, recs, 'EP06_02_01')).toMatchObject({ emotion: 'surprise', objectiveClass: '3' });
    expect(byClip(after, recs, 'EP02_01f')).toMatchObject({ notes: 'checked frame by frame', objectiveClass: null });
    const history = (await backend.dispatch('events.history', { id: revised.id })) as EventChange[];
    expect(history.map((h) => [h.action, h.annotatorName])).toEqual([
      ['create', 'CASME II sheet 20140508'],
      ['update', 'CASME II sheet 20190701'],
    ]);
    expect(history[1]).toMatchObject({ before: { auRaw: '4+L10', objectiveClass: null }, after: { auRaw: '4+7+L10', objectiveClass: '3' } });
    expect((await backend.dispatch('datasets.reports', { projectId: project.id })) as unknown[]).toHaveLength(2);

    const again = await importJob({ sheet: sheet2019 });
    expect(again.result).toMatchObject({ nothingChanged: true, counts: { unchangedEvents: 5, conflicts: 1 } });
  });
});
