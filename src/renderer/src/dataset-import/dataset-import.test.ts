import { describe, expect, it } from 'vitest';
import type { ImportReport, ImportRow, SheetTab } from '../../../shared/api/datasets';
import { columnChoices, columnLetter, draftFor, toMapping } from './column-mapping';
import { defectGroups, folderMismatch, rowName } from './report-summary';
import { sourceParams, type SourceFields } from './source-params';

const sammTab: SheetTab = {
  name: 'MICRO_ONLY',
  headerRow: 14,
  header: ['Subject', 'Filename', 'Inducement Code', 'Onset Frame', 'Apex Frame', 'Offset Frame', '', 'Action Units', 'Estimated Emotion'],
  columnCount: 9,
  sample: [{ row: 15, cells: ['006', '006_1_2', '1', '5562', '5588', '5632', '', '4+7', 'Anger'] }],
  dataRows: 159,
  suggested: { subject: 'Subject', clip: 'Filename', onset: 'Onset Frame', apex: 'Apex Frame', offset: 'Offset Frame', aus: 'Action Units', emotion: 'Estimated Emotion' },
};
const headerless: SheetTab = { ...sammTab, headerRow: null, header: [], columnCount: 28, suggested: {}, sample: [{ row: 1, cells: ['1', 'anger1_1', '557'] }] };

describe('column mapping', () => {
  it('names columns as a spreadsheet does', () => {
    expect([0, 25, 26, 27, 701, 702].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'AB', 'ZZ', 'AAA']);
  });

  it('offers the header’s columns, or letters with a first value for a headerless sheet', () => {
    expect(columnChoices(sammTab, false).map((c) => c.value)).not.toContain('');
    expect(columnChoices(sammTab, false)).toHaveLength(8);
    const letters = columnChoices(headerless, true);
    expect(letters).toHaveLength(28);
    expect(letters.slice(0, 4).map((c) => c.label)).toEqual(['A (e.g. 1)', 'B (e.g. anger1_1)', 'C (e.g. 557)', 'D']);
    expect(letters[27]!.value).toBe('AB');
  });

  it('starts from the usual columns and says which required ones are still to choose', () => {
    expect(toMapping(draftFor(sammTab))).toEqual({
      ok: true,
      mapping: { subject: 'Subject', clip: 'Filename', onset: 'Onset Frame', apex: 'Apex Frame', offset: 'Offset Frame', aus: 'Action Units', emotion: 'Estimated Emotion' },
    });
    const bare = draftFor(headerless);
    expect(bare.headerless).toBe(true);
    expect(toMapping(bare)).toEqual({ ok: false, missing: ['Subject', 'Clip (its folder name)', 'Onset frame', 'Offset frame', 'Emotion'] });
    const chosen = { ...bare, columns: { subject: 'A', clip: 'B', onset: 'C', offset: 'E', emotion: 'G' }, folders: ' s{subject}/{clip} ' };
    expect(toMapping(chosen)).toEqual({ ok: true, mapping: { subject: 'A', clip: 'B', onset: 'C', offset: 'E', emotion: 'G', folders: 's{subject}/{clip}', headerless: true } });
  });
});

describe('source parameters', () => {
  const fields: SourceFields = { root: ' /data/CASME2 ', sheet: '/data/CASME2/coding.xlsx', format: 'auto', fpsText: '' };
  const draft = draftFor(undefined);

  it('recognises the format unless one is named; SMIC takes no sheet; the frame rate only where the format needs it', () => {
    expect(sourceParams(3, fields, draft)).toEqual({ ok: true, params: { projectId: 3, root: '/data/CASME2', sheet: '/data/CASME2/coding.xlsx' } });
    expect(sourceParams(3, { ...fields, format: 'samm', fpsText: '90' }, draft)).toEqual({ ok: true, params: { projectId: 3, root: '/data/CASME2', sheet: '/data/CASME2/coding.xlsx', format: 'samm' } });
    expect(sourceParams(3, { ...fields, format: 'smic', fpsText: '25' }, draft)).toEqual({ ok: true, params: { projectId: 3, root: '/data/CASME2', format: 'smic', fps: 25 } });
  });

  it('says what is still to fill in', () => {
    expect(sourceParams(3, { ...fields, root: '' }, draft)).toMatchObject({ ok: false, blocked: 'Choose the dataset’s root folder' });
    expect(sourceParams(3, { ...fields, sheet: '' }, draft)).toMatchObject({ ok: false, blocked: expect.stringContaining('Choose the label sheet') });
    expect(sourceParams(3, { ...fields, format: 'generic', fpsText: 'fast' }, draft)).toMatchObject({ ok: false, blocked: 'The frame rate must be a positive number' });
    expect(sourceParams(3, { ...fields, format: 'generic' }, draft)).toMatchObject({ ok: false, blocked: expect.stringMatching(/^Choose the columns for Subject, /) });
    expect(sourceParams(3, { ...fields, format: 'generic' }, draftFor(sammTab))).toMatchObject({ ok: true, params: { format: 'generic', generic: { onset: 'Onset Frame' } } });
  });
});

function row(n: number, changes: Partial<ImportRow>): ImportRow {
  return {
    row: n, key: `sub01/EP0${n}`, subject: 'sub01', subjectRaw: '01', clip: `EP0${n}`, folder: `sub01/EP0${n}`, status: 'imported', change: 'new',
    onset: 1, apex: 3, apexRaw: '3', offset: 5, emotionRaw: 'happiness', emotion: 'happiness', objectiveClass: null, aus: '12', defects: [], reason: null,
    ...changes,
  };
}
const counts = (imported: number, skipped: number) => ({ rows: imported + skipped, imported, skipped }) as ImportReport['counts'];

describe('report summary', () => {
  const noFolder = row(4, { status: 'skipped', key: '', folder: null, defects: [{ code: 'no-folder', message: 'No folder', action: 'Row skipped' }], reason: 'No folder of numbered images at sub01/EP04 under /data' });
  const rows = [
    row(2, { status: 'imported-with-defects', defects: [{ code: 'apex-missing', message: 'The sheet gives no apex ("/")', action: 'Stored with the apex missing' }] }),
    row(3, { status: 'imported-with-defects', defects: [{ code: 'irregular-name', message: 'odd', action: 'Kept' }, { code: 'apex-missing', message: 'The sheet gives no apex ("")', action: 'Stored with the apex missing' }] }),
    noFolder,
  ];

  it('groups the imported rows’ defects by code, leaving the skipped rows to their reasons', () => {
    const groups = defectGroups({ rows } as ImportReport);
    expect(groups.map((g) => [g.code, g.items.map((i) => i.row.row)])).toEqual([
      ['apex-missing', [2, 3]],
      ['irregular-name', [3]],
    ]);
    expect(rowName(noFolder)).toBe('01/EP04');
  });

  it('blames the folder only when not one row found its clip folder there', () => {
    expect(folderMismatch({ rows, counts: counts(2, 1) } as ImportReport)).toBeNull();
    expect(folderMismatch({ rows: [noFolder], counts: counts(0, 1) } as ImportReport)).toBe(
      'None of the 1 rows of the sheet has its clip folder here. Row 4 (01/EP04): No folder of numbered images at sub01/EP04 under /data',
    );
    const missingField = { ...noFolder, defects: [{ code: 'missing-field' as const, message: 'm', action: 'Row skipped' }] };
    expect(folderMismatch({ rows: [missingField], counts: counts(0, 1) } as ImportReport)).toBeNull();
  });
});
