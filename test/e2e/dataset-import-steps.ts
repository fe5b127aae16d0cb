import type { Locator, Page } from '@playwright/test';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { casmeSheetRows, realCasmeRows, writeWorkbook, type CasmeRow } from '../datasets/sheet-files';
import { casmeTree, jpegFrames, span } from '../datasets/tree';
import { test as base, expect } from './fixtures';
import { openFolder } from './library-steps';

/** Steps and data of the dataset import specs. */

export interface CasmeDataset {
  dir: string;
  /** The dataset root: `sub01/EP02_01f/img46.jpg`, every frame onset..offset of each row but the last. */
  root: string;
  /** The rows as the sheet has them, from the real CASME II 20140508 sheet. */
  rows: CasmeRow[];
  /** A copy of the real sheet's layout (two blank header cells) holding `rows`, in the root. */
  sheet: string;
  /** The same rows as a CSV no format knows: a notes line, then columns named who, clip name, start, … */
  renamedColumns: string;
  /** A JPEG named labels.xlsx, next to the root. */
  notASheet: string;
}

/**
 * Real CASME II rows with the defects DATASETS.md lists for that sheet: the "/" apex of sub04
 * EP12_01f, an apex on the onset (sub05 EP09_05f) and on the offset (sub05 EP16_04f), the
 * irregular names EP06_02_01 and EP09f; and a clean row. The last row's folder is absent.
 */
export function makeCasmeDataset(): CasmeDataset {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'mer-e2e-casme-'));
  const rows = realCasmeRows([
    ['01', 'EP02_01f'],
    ['04', 'EP12_01f'],
    ['05', 'EP09_05f'],
    ['05', 'EP16_04f'],
    ['07', 'EP06_02_01'],
    ['09', 'EP09f'],
    ['02', 'EP01_11f'],
  ]);
  const root = casmeTree(path.join(dir, 'CASME2'), rows.slice(0, -1).map((r) => ({ subject: r.subject, clip: r.clip, frames: span(r.onset, r.offset) })));
  const sheet = writeWorkbook(path.join(root, 'CASME2-coding-20140508.xlsx'), { Sheet1: casmeSheetRows(rows) });
  const renamedColumns = path.join(root, 'renamed-columns.csv');
  const lines = rows.map((r) => [r.subject, r.clip, r.onset, r.apex, r.offset, r.aus, r.emotion].join(','));
  writeFileSync(renamedColumns, ['exported by hand from the lab sheet', 'who,clip name,start,peak,end,facs,label', ...lines].join('\n'));
  const bad = jpegFrames(path.join(dir, 'bad'), ['labels.xlsx']);
  return { dir, root, rows, sheet, renamedColumns, notASheet: path.join(bad, 'labels.xlsx') };
}

/** `test` with the dataset made once per worker. */
export const test = base.extend<object, { casme: CasmeDataset }>({
  casme: [
    // eslint-disable-next-line no-empty-pattern -- Playwright reads the fixture's dependencies from this pattern
    async ({}, use) => {
      const dataset = makeCasmeDataset();
      try {
        await use(dataset);
      } finally {
        rmSync(dataset.dir, { recursive: true, force: true });
      }
    },
    { scope: 'worker' },
  ],
});

export { expect };

export async function openWizard(page: Page): Promise<Locator> {
  await page.getByRole('button', { name: 'Import dataset…' }).click();
  const dialog = page.getByRole('dialog', { name: /^Import a dataset into/ });
  await expect(dialog).toBeVisible();
  return dialog;
}

/** Opens `dir` in the wizard's folder browser, makes it the root, and picks the sheet named `sheet` in it. */
export async function chooseSource(dialog: Locator, dir: string, sheet: string): Promise<void> {
  await openFolder(dialog, dir);
  // The sheet's chip shows once the folder's listing has arrived.
  const chip = dialog.getByRole('button', { name: sheet, exact: true });
  await expect(chip).toBeVisible();
  await dialog.getByRole('button', { name: 'Use this folder as the dataset root' }).click();
  await expect(dialog.getByLabel('Dataset root folder', { exact: true })).toHaveValue(dir);
  await chip.click();
  await expect(dialog.getByLabel('Label sheet', { exact: true })).toHaveValue(path.join(dir, sheet));
}

/** A figure of the preview or the report by its test id (`count-rows`, …). */
export const figure = (scope: Locator, id: string) => scope.getByTestId(id);

/** The defect group of `code` in a preview or report. */
export const defectGroup = (scope: Locator, code: string) => scope.locator(`[data-testid="defect-group"][data-code="${code}"]`);
