import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expectNoPageErrors, watchPageErrors } from './labelling-steps';
import { expect, test } from './fixtures';
import { apiClient } from './scrubber-steps';
import { seedTinyProject } from './training-results-steps';
import { adjudicateDemoEvents, createDemo, exportDemoSplit, goToStep, launchQuickLoso, openTrainPage, runStatus, wizard } from './training-steps';

test.use({ serverEnv: { MER_DEMO_SCALE: 'small' } });

test('a quick check of all four stages is launched from the wizard on the demo project and watched to success', async ({ page, server, playwright }) => {
  test.setTimeout(150_000);
  watchPageErrors(page);
  await createDemo(playwright, server);
  await openTrainPage(page, server.url);

  // Data: the classes per subject, before anything is launched (the small demo: every emotion once, 3 subjects).
  const counts = wizard(page).getByRole('table', { name: 'Class counts per subject' });
  await expect(counts.getByRole('row')).toHaveCount(5);
  await expect(wizard(page).getByTestId('class-counts')).toContainText('6 samples of 3 subjects');
  // The paper's 5 folds cannot be made from 3 subjects, and the wizard says so before launch.
  await goToStep(page, 'Protocol');
  await expect(wizard(page).getByTestId('training-folds')).toContainText('needs at least 5 subjects; there are 3');
  await goToStep(page, 'Review');
  await expect(wizard(page).getByRole('button', { name: 'Launch', exact: true })).toBeDisabled();
  await page.screenshot({ path: test.info().outputPath('wizard-review.png'), fullPage: true });
  await goToStep(page, 'Data');

  await launchQuickLoso(page, [1, 1, 1, 1], { probe: true });
  const view = page.getByTestId('run-view');
  await expect(page).toHaveURL(/#\/train\/\d+$/);
  await expect(view.getByTestId('run-name')).toHaveText('lite LOSO, row 6');
  await expect(runStatus(page)).toHaveAttribute('data-status', 'succeeded', { timeout: 60_000 });
  await expect(view.getByTestId('progress-run')).toContainText('12 of 12 epochs');
  await expect(view.getByTestId('run-folds').getByTestId('run-fold-row')).toHaveCount(3);
  await expect(view.getByTestId('run-message')).toContainText('Accuracy');
  // Four stages, one epoch each: a point per stage for the total loss, the last fold's curves shown.
  await expect(view.getByTestId('curve-total')).toHaveAttribute('data-points', '4');
  await expect(view.getByRole('combobox', { name: 'Curves of' })).toHaveText('subject Demo/D03');
  await expect(view.getByRole('table', { name: 'Last epochs' }).getByRole('row').nth(1)).toContainText('subject Demo/D03');
  await page.screenshot({ path: test.info().outputPath('run-succeeded.png'), fullPage: true });

  // The view is an address: a reload shows the same run.
  await page.reload();
  await expect(runStatus(page)).toHaveAttribute('data-status', 'succeeded');
  await expect(view.getByTestId('run-folds').getByTestId('run-fold-row')).toHaveCount(3);

  // The run is listed on the Train page; its configuration goes back into the wizard.
  await page.getByRole('button', { name: 'Clone into wizard' }).click();
  await expect(wizard(page).getByRole('group', { name: 'Review step' })).toBeVisible();
  await expect(wizard(page).getByTestId('training-review')).toContainText('leave one subject out (3 folds)');
  await expect(wizard(page).getByTestId('training-review')).toContainText('MENet 16 px, IDNet 8 px, widths 4/4/8/8');
  const row = page.getByRole('table', { name: 'Training runs' }).getByTestId('run-row');
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('lite LOSO, row 6');
  await expect(row).toContainText('Succeeded');
  expectNoPageErrors(page);
});

test('rows of the ablation matrix are launched together: one run per row, in one group', async ({ page, server, playwright }) => {
  test.setTimeout(90_000);
  watchPageErrors(page);
  await createDemo(playwright, server);
  await openTrainPage(page, server.url);
  await wizard(page).getByRole('button', { name: 'Quick check' }).click();
  await goToStep(page, 'Protocol');
  await wizard(page).getByRole('radio', { name: /^Leave one subject out/ }).check();
  await wizard(page).getByLabel('Train the first fold only').check();
  await goToStep(page, 'Ablation');
  await wizard(page).getByRole('checkbox', { name: 'Row 1' }).check();
  await wizard(page).getByRole('textbox', { name: 'Group' }).fill('matrix A');
  await goToStep(page, 'Review');
  const launches = wizard(page).getByRole('list', { name: 'Runs to launch' }).getByRole('listitem');
  // Without IDNet and MINE, row 1 trains MENet alone, for stage 2 and stage 4 epochs in one stage.
  await expect(launches).toHaveText(['lite LOSO, row 1: stage 2 MENet 2 epochs (2 a fold)', 'lite LOSO, row 6: stage 1 IDNet 1, stage 2 MENet 1, stage 3 IDNet 1, stage 4 MENet 1 epochs (4 a fold)']);
  await wizard(page).getByRole('button', { name: 'Launch 2 runs' }).click();

  // The first row's run opens; the second waits for it in the job queue.
  const view = page.getByTestId('run-view');
  await expect(view.getByTestId('run-name')).toHaveText('lite LOSO, row 1', { timeout: 20_000 });
  await expect(view.getByText('group: matrix A')).toBeVisible();
  await expect(runStatus(page)).toHaveAttribute('data-status', 'succeeded', { timeout: 60_000 });
  await page.getByRole('link', { name: '← All runs' }).click();
  const rows = page.getByRole('table', { name: 'Training runs' }).getByTestId('run-row');
  await expect(rows).toHaveCount(2, { timeout: 20_000 });
  await expect(rows.filter({ hasText: 'row 6' })).toContainText('Succeeded', { timeout: 60_000 });
  for (const row of await rows.all()) await expect(row).toContainText('matrix A');
  expectNoPageErrors(page);
});

test('consensus events only, repeated with two seeds: two runs in one group, and the Results page gives their mean ± SD', async ({ page, server, playwright }) => {
  test.setTimeout(120_000);
  watchPageErrors(page);
  await createDemo(playwright, server);
  // Both events of the first subject and the first of each other subject are double-coded and adjudicated.
  const consensus = await adjudicateDemoEvents(playwright, server, (events) => events.filter((e, i) => e.subjectCode === events[0]!.subjectCode || events.findIndex((o) => o.subjectCode === e.subjectCode) === i));
  expect(consensus).toBe(4);
  await openTrainPage(page, server.url);
  await wizard(page).getByRole('button', { name: 'Quick check' }).click();

  // The class counts follow the choice: 6 demo events + 4 second codings + 4 consensus events in all.
  await expect(wizard(page).getByTestId('class-counts')).toContainText('14 samples of 3 subjects');
  await wizard(page).getByRole('radio', { name: /^Double-coded consensus only/ }).check();
  await expect(wizard(page).getByTestId('class-counts')).toContainText('4 samples of 3 subjects');

  await goToStep(page, 'Protocol');
  await wizard(page).getByRole('radio', { name: /^Leave one subject out/ }).check();
  // Two training subjects with one or two samples each: all of them train, none held out.
  await wizard(page).getByRole('textbox', { name: 'Validation share' }).fill('0');
  await wizard(page).getByLabel('Train the first fold only').check();
  await wizard(page).getByRole('textbox', { name: 'Repeats' }).fill('2');
  await expect(wizard(page).getByTestId('training-folds')).toContainText('subject Demo/D01: 2 training, 0 validation, 2 test samples');

  await goToStep(page, 'Review');
  await expect(wizard(page).getByTestId('training-review')).toContainText('double-coded consensus events only');
  await expect(wizard(page).getByTestId('training-review')).toContainText('2 repeats, seeds 1 to 2');
  const launches = wizard(page).getByRole('list', { name: 'Runs to launch' }).getByRole('listitem');
  await expect(launches).toHaveText([/^lite LOSO, row 6, seed 1: /, /^lite LOSO, row 6, seed 2: /]);
  await wizard(page).getByRole('button', { name: 'Launch 2 runs' }).click();

  const view = page.getByTestId('run-view');
  await expect(view.getByTestId('run-name')).toHaveText('lite LOSO, row 6, seed 1', { timeout: 20_000 });
  await expect(view.getByText('group: repeats: lite LOSO')).toBeVisible();
  await page.getByRole('link', { name: '← All runs' }).click();
  const rows = page.getByRole('table', { name: 'Training runs' }).getByTestId('run-row');
  // The second run is listed once its job starts, while or after the first trains.
  await expect(rows).toHaveCount(2, { timeout: 60_000 });
  for (const row of await rows.all()) await expect(row).toContainText('Succeeded', { timeout: 60_000 });

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Results' }).click();
  const results = page.getByTestId('results-page');
  await results.getByRole('button', { name: 'Ablation matrix repeats: lite LOSO' }).first().click();
  const repeats = results.getByTestId('ablation-view').getByTestId('repeats-row');
  await expect(repeats).toHaveCount(1);
  await expect(repeats).toContainText('Table 5 row 6');
  await expect(repeats).toContainText('1, 2');
  await expect(repeats).toContainText('2 of 2 finished');
  // Accuracy as "mean ± SD %", UF1 and UAR to four places.
  await expect(repeats).toContainText(/\d+\.\d ± \d+\.\d %/);
  await page.screenshot({ path: test.info().outputPath('repeats.png'), fullPage: true });
  expectNoPageErrors(page);
});

test('a split saved by the Export page: the wizard reads it, refuses a wrong folder, and the run trains on its folds', async ({ page, server, playwright }) => {
  test.setTimeout(120_000);
  watchPageErrors(page);
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'mer-e2e-saved-split-'));
  try {
    await createDemo(playwright, server);
    const out = path.join(scratch, 'loso');
    await exportDemoSplit(playwright, server, out);
    const manifest = JSON.parse(readFileSync(path.join(out, 'manifest.json'), 'utf8')) as { folds: { name: string; train: number[]; validation: number[]; test: number[] }[] };
    await openTrainPage(page, server.url);
    await wizard(page).getByRole('button', { name: 'Quick check' }).click();
    await goToStep(page, 'Protocol');
    await wizard(page).getByRole('radio', { name: /^A split saved by the Export page/ }).check();
    const folder = wizard(page).getByRole('textbox', { name: 'Export folder' });
    await folder.fill(path.join(scratch, 'nowhere'));
    await wizard(page).getByRole('button', { name: 'Read the split' }).click();
    await expect(wizard(page).getByRole('alert')).toContainText(`There is no folder ${path.join(scratch, 'nowhere')}`);

    await folder.fill(out);
    await wizard(page).getByRole('button', { name: 'Read the split' }).click();
    await expect(wizard(page).getByTestId('saved-split-summary')).toContainText(`3 folds (loso, seed 1) exported`);
    const [first] = manifest.folds;
    await expect(wizard(page).getByTestId('training-folds')).toContainText(`${first!.name}: ${first!.train.length} training, ${first!.validation.length} validation, ${first!.test.length} test samples`);
    await wizard(page).getByLabel('Train the first fold only').check();
    await goToStep(page, 'Review');
    await expect(wizard(page).getByTestId('training-review')).toContainText(`the split saved in ${out} (3 folds), first fold only`);
    await wizard(page).getByRole('button', { name: 'Launch', exact: true }).click();

    const view = page.getByTestId('run-view');
    await expect(view.getByTestId('run-name')).toHaveText('lite saved split, row 6', { timeout: 20_000 });
    await expect(runStatus(page)).toHaveAttribute('data-status', 'succeeded', { timeout: 60_000 });
    await expect(view.getByTestId('run-folds').getByTestId('run-fold-row')).toHaveCount(1);
    await expect(view.getByTestId('run-folds').getByTestId('run-fold-row')).toContainText(first!.name);
    // The clone carries the folds themselves: the folder is not read again.
    rmSync(out, { recursive: true });
    await page.getByRole('button', { name: 'Clone into wizard' }).click();
    await expect(wizard(page).getByTestId('training-review')).toContainText(`the split saved in ${out} (3 folds)`);
    await expect(wizard(page).getByRole('button', { name: 'Launch', exact: true })).toBeEnabled();
    expectNoPageErrors(page);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
});

test('two projects trained together: their subjects counted apart, both in the review, and the Results page names both', async ({ page, server, playwright }) => {
  test.setTimeout(150_000);
  watchPageErrors(page);
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'mer-e2e-two-projects-'));
  const api = await apiClient(playwright, server);
  try {
    // Two labs with the same subject codes s1-s6 (24 events each): the codes must not merge.
    await seedTinyProject(api, path.join(scratch, 'a'), 'Lab A');
    await seedTinyProject(api, path.join(scratch, 'b'), 'Lab B');
    await openTrainPage(page, server.url);
    await wizard(page).getByRole('combobox', { name: 'Project' }).click();
    await page.getByRole('option', { name: 'Lab A', exact: true }).click();
    await expect(wizard(page).getByTestId('class-counts')).toContainText('24 samples of 6 subjects');
    await wizard(page).getByRole('combobox', { name: 'Also train on' }).click();
    await page.getByRole('option', { name: 'Lab B' }).click();
    await page.keyboard.press('Escape');
    await expect(wizard(page).getByRole('combobox', { name: 'Also train on' })).toHaveText('Lab B');
    const counts = wizard(page).getByTestId('class-counts');
    await expect(counts).toContainText('48 samples of 12 subjects');
    await expect(counts.getByRole('row', { name: /^Lab B\/s1 / })).toContainText('2');
    await expect(counts.getByRole('row', { name: /^Lab A\/s1 / })).toBeVisible();

    await wizard(page).getByRole('button', { name: 'Quick check' }).click();
    await goToStep(page, 'Protocol');
    await wizard(page).getByRole('radio', { name: /^Leave one subject out/ }).check();
    await wizard(page).getByLabel('Train the first fold only').check();
    await expect(wizard(page).getByTestId('training-folds')).toContainText('12 folds');
    await expect(wizard(page).getByTestId('training-folds')).toContainText('subject Lab B/s1: ');
    await goToStep(page, 'Review');
    const review = wizard(page).getByTestId('training-review');
    await expect(review).toContainText('Lab A + Lab B: every event');
    await expect(review).toContainText('48 samples of 12 subjects in 2 classes');
    await expect(review).toContainText('leave one subject out (12 folds), first fold only');
    await wizard(page).getByRole('button', { name: 'Launch', exact: true }).click();
    await expect(runStatus(page)).toHaveAttribute('data-status', 'succeeded', { timeout: 60_000 });

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Results' }).click();
    const results = page.getByTestId('results-page');
    await expect(results.getByTestId('run-row')).toHaveCount(1);
    await expect(results.getByTestId('run-overview').getByTestId('run-projects')).toHaveText('Lab A + Lab B');
    await page.screenshot({ path: test.info().outputPath('two-projects-results.png'), fullPage: true });
    expectNoPageErrors(page);
  } finally {
    await api.dispose();
    rmSync(scratch, { recursive: true, force: true });
  }
});
