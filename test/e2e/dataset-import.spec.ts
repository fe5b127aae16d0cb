import path from 'node:path';
import { LABEL_SETS } from '../../src/shared/domain/labels';
import { casmeSheetRows, writeWorkbook } from '../datasets/sheet-files';
import { chooseSource, defectGroup, expect, figure, openWizard, test } from './dataset-import-steps';
import { createProject, openApp } from './library-steps';
import { apiClient } from './scrubber-steps';

/** A CASME II project made as a lab would (the dataset's label set), before the browser opens. */
async function casmeProject(playwright: Parameters<typeof apiClient>[0], server: Parameters<typeof apiClient>[1]) {
  const api = await apiClient(playwright, server);
  await api.call('projects.create', { name: 'CASME II', labelSet: [...LABEL_SETS.casme2.labels], defaultFps: 200 });
  await api.dispose();
}

test.describe('Dataset import wizard', () => {
  test('a CASME II tree is recognised, previewed, imported with its defects reported, listed, and its report reopened', async ({ page, server, playwright, casme }) => {
    await casmeProject(playwright, server);
    await openApp(page, server.url);
    let wizard = await openWizard(page);
    await chooseSource(wizard, casme.root, 'CASME2-coding-20140508.xlsx');
    await expect(wizard.getByTestId('recognised-format')).toHaveText('Recognised as CASME II at 200 fps: 7 rows, 6 of them can be imported.');

    // Preview: what will be created, the sheet's known defects, and the row whose folder is absent.
    await wizard.getByRole('button', { name: 'Next' }).click();
    const preview = wizard.getByTestId('import-preview');
    const figures: [string, string][] = [['count-rows', '7'], ['count-subjects', '5'], ['count-recordings', '6'], ['count-events', '6'], ['count-flagged', '5'], ['count-skipped', '1']];
    for (const [id, value] of figures) await expect(figure(preview, id), id).toHaveText(value);
    await expect(defectGroup(preview, 'apex-missing').getByTestId('defect-count')).toHaveText('1 row');
    await expect(defectGroup(preview, 'apex-missing')).toContainText('sub04/EP12_01f');
    await expect(defectGroup(preview, 'apex-missing')).toContainText('The sheet gives no apex ("/")');
    await expect(defectGroup(preview, 'apex-suspect').getByTestId('defect-count')).toHaveText('2 rows');
    await expect(defectGroup(preview, 'irregular-name').getByTestId('defect-row')).toHaveText([/sub07\/EP06_02_01.*EP06_02_01/, /sub09\/EP09f.*EP09f/]);
    await expect(preview.getByTestId('defect-group')).toHaveCount(3);
    await expect(preview.getByTestId('skipped-row')).toHaveText([/row 8\s*sub02\/EP01_11f\s*No folder of numbered images at sub02\/EP01_11f/]);

    // Import as a job, then the report: every defect with what was done.
    await wizard.getByRole('button', { name: 'Import 6 rows' }).click();
    await expect(wizard.getByRole('listitem', { name: /^Dataset import #\d+$/ })).toHaveAttribute('data-status', 'succeeded', { timeout: 30_000 });
    await expect(wizard.getByTestId('report-saved')).toContainText('import report #');
    const report = wizard.getByTestId('import-report');
    await expect(figure(report, 'count-events')).toHaveText('6');
    await expect(report.getByTestId('defect-row')).toHaveCount(5);
    await expect(defectGroup(report, 'apex-missing')).toContainText('Stored with the apex missing');
    await expect(defectGroup(report, 'apex-suspect')).toContainText('Kept as written');
    await wizard.getByRole('button', { name: 'Close' }).click();

    // The Library shows what was made.
    await expect(page.getByTestId('recording-row')).toHaveCount(6);
    await expect(page.getByTestId('recordings-count')).toHaveText('6 · 340 frames');
    const noApexClip = page.getByTestId('recording-row').filter({ hasText: 'sub04/EP12_01f' });
    await expect(noApexClip.getByRole('cell', { name: '61', exact: true })).toBeVisible();
    await expect(noApexClip.getByRole('cell', { name: '200', exact: true })).toBeVisible();
    await expect(page.getByTestId('subject-row')).toHaveCount(5);
    await expect(page.getByTestId('project-events')).toContainText('6 in this project');

    // The saved report, reopened.
    await page.getByRole('button', { name: 'Import reports' }).click();
    const reports = page.getByRole('dialog', { name: /^Import reports of/ });
    await expect(reports.getByTestId('saved-report')).toHaveCount(1);
    await expect(reports.getByTestId('saved-report')).toContainText('CASME2-coding-20140508.xlsx');
    await reports.getByRole('button', { name: /^Open import report/ }).click();
    const saved = page.getByRole('dialog', { name: /^Import report #\d+$/ });
    await expect(saved.getByTestId('import-report').getByTestId('defect-row')).toHaveCount(5);
    await expect(saved.getByTestId('skipped-row')).toHaveCount(1);
    await saved.getByRole('button', { name: 'Close' }).click();

    // A newer sheet of the same dataset: the preview says what it would change.
    const newer = casme.rows.map((r) => (r.clip === 'EP02_01f' ? { ...r, aus: '6+12' } : r.clip === 'EP09f' ? { ...r, emotion: 'surprise' } : r));
    writeWorkbook(path.join(casme.root, 'CASME2-coding-20190701.xlsx'), { Sheet1: casmeSheetRows(newer) });
    wizard = await openWizard(page);
    await chooseSource(wizard, casme.root, 'CASME2-coding-20190701.xlsx');
    await wizard.getByRole('button', { name: 'Next' }).click();
    await expect(wizard.getByTestId('changes-summary')).toHaveText(/^Against CASME2-coding-20140508\.xlsx: 0 added, 2 changed, 4 unchanged\.$/);
    await expect(wizard.getByTestId('changed-row')).toHaveText(['sub01/EP02_01fAUs: 12 → 6+12', 'sub09/EP09femotion: happiness → surprise']);
    await wizard.getByRole('button', { name: 'Cancel' }).click();
  });

  test('a sheet no format knows: its columns are chosen from its header, with its first rows shown, and the preview reads it', async ({ page, server, casme }) => {
    await openApp(page, server.url);
    await createProject(page, 'Renamed columns', '200');
    const wizard = await openWizard(page);
    await chooseSource(wizard, casme.root, path.basename(casme.renamedColumns));
    await expect(wizard.getByLabel('Label sheet', { exact: true })).toHaveAccessibleDescription(/^renamed-columns\.csv: no recognisable header row/);
    await wizard.getByRole('button', { name: 'Choose its columns by hand (generic sheet)' }).click();
    await wizard.getByRole('button', { name: 'Next' }).click();

    await expect(wizard.getByText('Header on row 2, 7 rows below it')).toBeVisible();
    await expect(wizard.getByTestId('sample-row')).toHaveCount(5);
    await expect(wizard.getByTestId('sample-row').first()).toHaveText(/^3\s*01\s*EP02_01f\s*46\s*59\s*86/);
    const columns: [string, string][] = [['Subject', 'who'], ['Clip (its folder name)', 'clip name'], ['Onset frame', 'start'], ['Apex frame (optional)', 'peak'], ['Offset frame', 'end'], ['Action units (optional)', 'facs'], ['Emotion', 'label']];
    for (const [field, column] of columns) {
      await wizard.getByRole('combobox', { name: field, exact: true }).click();
      await page.getByRole('option', { name: column, exact: true }).click();
    }
    await wizard.getByLabel('Clip folders below the root').fill('sub{subject}/{clip}');
    await wizard.getByRole('button', { name: 'Next' }).click();

    const preview = wizard.getByTestId('import-preview');
    await expect(figure(preview, 'count-events')).toHaveText('6');
    await expect(figure(preview, 'count-skipped')).toHaveText('1');
    await expect(preview.getByTestId('report-format')).toHaveText('Generic sheet · 200 fps');
    // A generic row is keyed by the subject as the sheet writes it.
    await expect(defectGroup(preview, 'apex-missing')).toContainText('04/EP12_01f');
  });

  test('a file that is not a spreadsheet, or a folder that is not the sheet’s, is named next to its field; nothing is imported', async ({ page, server, casme }) => {
    await openApp(page, server.url);
    await createProject(page, 'Pilot');
    const wizard = await openWizard(page);

    await chooseSource(wizard, path.dirname(casme.notASheet), 'labels.xlsx');
    await expect(wizard.getByLabel('Label sheet', { exact: true })).toHaveAccessibleDescription('labels.xlsx is not a spreadsheet (.xlsx, .xls or .csv): it holds binary data that is neither');
    await expect(wizard.getByRole('button', { name: 'Next' })).toBeDisabled();

    // The real sheet with a folder that holds none of its clips.
    await wizard.getByLabel('Label sheet', { exact: true }).fill(casme.sheet);
    await expect(wizard.getByLabel('Dataset root folder', { exact: true })).toHaveAccessibleDescription(/^None of the 7 rows of the sheet has its clip folder here\. Row 2 \(sub01\/EP02_01f\): No folder of numbered images/);
    await expect(wizard.getByLabel('Label sheet', { exact: true })).toHaveAccessibleDescription('The dataset’s coding sheet: .xlsx, .xls or .csv');
    await wizard.getByRole('button', { name: 'Next' }).click();
    await expect(wizard.getByRole('button', { name: 'Import 0 rows' })).toBeDisabled();
    await wizard.getByRole('button', { name: 'Cancel' }).click();

    await expect(page.getByText('No recordings yet.')).toBeVisible();
    await page.getByRole('button', { name: 'Import reports' }).click();
    await expect(page.getByRole('dialog', { name: /^Import reports of/ })).toContainText('No dataset has been imported into this project yet.');
  });
});

test.describe('Cancelling a dataset import', () => {
  test.use({ serverEnv: { MER_FAULT_PROGRESS_DELAY_MS: '400' } });

  test('a running import is cancelled from the wizard and leaves the project as it was', async ({ page, server, playwright, casme }) => {
    await casmeProject(playwright, server);
    await openApp(page, server.url);
    const wizard = await openWizard(page);
    await chooseSource(wizard, casme.root, 'CASME2-coding-20140508.xlsx');
    await wizard.getByRole('button', { name: 'Next' }).click();
    await wizard.getByRole('button', { name: 'Import 6 rows' }).click();
    const job = wizard.getByRole('listitem', { name: /^Dataset import #\d+$/ });
    await expect(job).toHaveAttribute('data-status', 'running');
    await job.getByRole('button', { name: /^Cancel Dataset import/ }).click();
    await expect(job).toHaveAttribute('data-status', 'cancelled', { timeout: 20_000 });
    await expect(wizard).toContainText('Cancelled: nothing was imported.');
    await wizard.getByRole('button', { name: 'Close' }).click();
    await expect(page.getByText('No recordings yet.')).toBeVisible();
    await expect(page.getByTestId('subject-row')).toHaveCount(0);
  });
});
