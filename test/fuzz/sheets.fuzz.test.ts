import fc from 'fast-check';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportReport, SheetInspection } from '../../src/shared/api/datasets';
import { ApiError, isApiError } from '../../src/shared/api/errors';
import { createTestBackend, tempDir } from '../helpers/backend';
import { fuzzParams, fuzzTimeout } from './fuzz-settings';
import { byteMutation, cellMutation, damagedFile, damagedPart, hugeDimensionSheet, mutateCells, realGrid, realSheets, saveGrid, type RealSheet } from './sheet-mutations';

/**
 * The dataset importer on damaged copies of the real CASME II and SAMM sheets: every preview and
 * inspection ends, with a report or with a VALIDATION error that says what is wrong — never an
 * internal error, a crash or a hang.
 */

const sandbox = tempDir('mer-fuzz-sheets-');
const root = path.join(sandbox, 'dataset');
let backend: ReturnType<typeof createTestBackend>;
let projectId: number;
let fileNumber = 0;

/** A few clip folders the sheets name, holding (empty) files named like their frames. */
function makeDataset(): void {
  const folders: [string, string, number, number][] = [
    ['sub01/EP02_01f', 'img', 40, 90],
    ['sub04/EP12_01f', 'img', 1, 40],
    ['006/006_1_2', '006_0', 5550, 5600],
  ];
  for (const [folder, prefix, first, last] of folders) {
    mkdirSync(path.join(root, folder), { recursive: true });
    for (let n = first; n <= last; n++) writeFileSync(path.join(root, folder, `${prefix}${n}.jpg`), '');
  }
}

beforeAll(async () => {
  makeDataset();
  backend = createTestBackend({ dataDir: path.join(sandbox, 'backend') });
  projectId = ((await backend.dispatch('projects.create', { name: 'Sheets' })) as { id: number }).id;
}, 60_000);
afterAll(async () => {
  await backend.dispose();
  rmSync(sandbox, { recursive: true, force: true });
});

function save(bytes: Buffer, extension: string): string {
  const file = path.join(sandbox, `sheet-${++fileNumber}${extension}`);
  writeFileSync(file, bytes);
  return file;
}

/** A report, or a VALIDATION refusal that names the problem; anything else fails. */
async function answer<T>(method: string, args: object): Promise<T | ApiError> {
  try {
    return (await backend.dispatch(method, args)) as T;
  } catch (error) {
    if (!isApiError(error)) throw error;
    if (error.code !== 'VALIDATION') throw new Error(`${method} answered ${error.code}: ${error.message}`, { cause: error });
    expect(error.message.length).toBeGreaterThan(10);
    return error;
  }
}

const generic = { subject: 'Subject', clip: 'Filename', onset: 'OnsetFrame', apex: 'ApexFrame', offset: 'OffsetFrame', aus: 'Action Units', emotion: 'Estimated Emotion' };
const formats = fc.constantFrom<{ format?: string; generic?: object }>({}, { format: 'casme2' }, { format: 'samm' }, { format: 'generic', generic });

async function checkSheet(file: string, options: { format?: string; generic?: object }): Promise<void> {
  const inspection = await answer<SheetInspection>('datasets.inspectSheet', { sheet: file });
  if (!isApiError(inspection)) for (const tab of inspection.tabs) expect(tab.sample.length).toBeLessThanOrEqual(tab.dataRows);
  const report = await answer<ImportReport>('datasets.preview', { projectId, root, sheet: file, ...options });
  if (isApiError(report)) return;
  expect(report.counts.rows).toBe(report.rows.length);
  expect(report.counts.imported + report.counts.skipped).toBe(report.counts.rows);
  for (const row of report.rows) {
    if (row.status === 'skipped') expect(row.reason).toEqual(expect.any(String));
    else expect(row.onset! <= row.offset!).toBe(true);
  }
}

const sheetName = fc.constantFrom(...(Object.keys(realSheets) as RealSheet[]));

describe('the sheet importer on damaged real sheets', () => {
  it('bytes of the file flipped, cut or inserted', async () => {
    await fc.assert(
      fc.asyncProperty(sheetName, fc.array(byteMutation, { minLength: 1, maxLength: 4 }), fc.constantFrom('.xlsx', '.xls', '.csv'), formats, async (sheet, mutations, extension, options) => {
        await checkSheet(save(damagedFile(sheet, mutations), extension), options);
      }),
      fuzzParams(25),
    );
  }, fuzzTimeout(60_000));

  it('bytes of one XML part inside a sound zip flipped, cut or inserted', async () => {
    await fc.assert(
      fc.asyncProperty(sheetName, fc.nat(), fc.array(byteMutation, { minLength: 1, maxLength: 3 }), formats, async (sheet, part, mutations, options) => {
        await checkSheet(save(damagedPart(sheet, part, mutations), '.xlsx'), options);
      }),
      fuzzParams(25),
    );
  }, fuzzTimeout(60_000));

  it('cells shuffled, rows moved, and quotes, newlines, huge numbers and unicode written into cells, as .xlsx and .csv', async () => {
    const grids = { casme2: realGrid('casme2'), samm: realGrid('samm') };
    await fc.assert(
      fc.asyncProperty(sheetName, fc.array(cellMutation, { minLength: 1, maxLength: 6 }), fc.constantFrom('xlsx' as const, 'csv' as const), formats, async (sheet, mutations, as, options) => {
        await checkSheet(save(saveGrid(mutateCells(grids[sheet], mutations), as), `.${as}`), options);
      }),
      fuzzParams(20),
    );
  }, fuzzTimeout(60_000));
});

describe('sheets that hung or crashed the importer (regressions)', () => {
  it('a worksheet claiming the range A1:XFD1048576 is read by its cells, not 17 billion empty ones', async () => {
    const report = (await backend.dispatch('datasets.preview', { projectId, root, sheet: save(hugeDimensionSheet('casme2'), '.xlsx') })) as ImportReport;
    expect(report).toMatchObject({ format: 'casme2', counts: { rows: 255 } });
    const inspection = (await backend.dispatch('datasets.inspectSheet', { sheet: save(hugeDimensionSheet('samm'), '.xlsx') })) as SheetInspection;
    expect(inspection.tabs.find((t) => t.name === 'MICRO_ONLY')).toMatchObject({ headerRow: 14, dataRows: 159 });
  });

  it('an .xlsx cut short (no zip directory) is refused at once: SheetJS looped for minutes on it', async () => {
    // The 181 bytes the fuzzing found (saved as .csv): a zip's first entry header, then zeros.
    const cut = Buffer.from('UEsDBBQABgAIAAAAIQCq91ikeQEAABQGAAATAAgCW0NvbnRlbnRfVHlwZXNdLnhtbCCiBAIooAACAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA==', 'base64');
    for (const extension of ['.csv', '.xlsx']) {
      const file = save(cut, extension);
      const refusal = await answer<ImportReport>('datasets.preview', { projectId, root, sheet: file, format: 'samm' });
      expect(isApiError(refusal) && refusal.message).toContain(`${path.basename(file)} is not a readable spreadsheet: its zip directory is missing`);
    }
  });

  it('a CSV of 200,000 rows is inspected (the widest row was found by spreading every row into Math.max)', async () => {
    const csv = `Subject,Filename,OnsetFrame,OffsetFrame\n${'01,clip,1,2\n'.repeat(200_000)}`;
    const inspection = (await backend.dispatch('datasets.inspectSheet', { sheet: save(Buffer.from(csv), '.csv') })) as SheetInspection;
    expect(inspection.tabs[0]).toMatchObject({ headerRow: 1, columnCount: 4, dataRows: 200_000 });
  });

  it('an AU cell of 4,000 nested parentheses is reported as unreadable, not a stack overflow', async () => {
    const rows = realGrid('casme2');
    rows[1]![7] = `${'('.repeat(4000)}12${')'.repeat(4000)}`;
    const report = (await backend.dispatch('datasets.preview', { projectId, root, sheet: save(saveGrid(rows, 'xlsx'), '.xlsx') })) as ImportReport;
    expect(report.rows[0]!.defects.map((d) => d.code)).toContain('au-unparsed');
  });
});
