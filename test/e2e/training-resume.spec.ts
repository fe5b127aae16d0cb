import { expectNoPageErrors, watchPageErrors } from './labelling-steps';
import { expect, test } from './fixtures';
import { createDemo, launchQuickLoso, openTrainPage, runStatus } from './training-steps';

test.use({ serverEnv: { MER_DEMO_SCALE: 'small' } });

test('a run followed across a reload, cancelled mid-way, keeps its finished folds and is resumed to success', async ({ page, server, playwright }) => {
  test.setTimeout(120_000);
  watchPageErrors(page);
  await createDemo(playwright, server);
  await openTrainPage(page, server.url);
  // 24 epochs a fold: long enough to watch, cancel and resume.
  await launchQuickLoso(page, [4, 8, 4, 8]);
  const view = page.getByTestId('run-view');
  await expect(runStatus(page)).toHaveAttribute('data-status', 'running', { timeout: 20_000 });
  await expect(view.getByTestId('progress-stage-title')).toContainText(/^Stage \d \((IDNet|MENet)\), epoch \d+ of \d+$/, { timeout: 30_000 });
  await expect(view.getByTestId('run-job-message')).not.toBeEmpty();

  // A reload finds the running job again through the run, and the view keeps following it.
  await page.reload();
  await expect(runStatus(page)).toHaveAttribute('data-status', 'running');
  const fold = view.getByTestId('progress-fold-title');
  await expect(fold).toHaveText('Fold 2 of 3: subject Demo/D02', { timeout: 60_000 });
  await expect(view.getByTestId('run-folds').getByTestId('run-fold-row')).toHaveCount(1);
  await page.screenshot({ path: test.info().outputPath('run-live.png'), fullPage: true });

  await view.getByRole('button', { name: 'Cancel run' }).click();
  await expect(runStatus(page)).toHaveAttribute('data-status', 'cancelled', { timeout: 30_000 });
  await expect(view.getByTestId('run-message')).toContainText('finished folds are kept');
  const kept = await view.getByTestId('run-fold-row').count();
  expect(kept).toBeGreaterThanOrEqual(1);
  expect(kept).toBeLessThan(3);
  const firstFold = await view.getByTestId('run-fold-row').first().textContent();
  await expect(view.getByTestId('progress-run')).toContainText('epochs not trained');

  await view.getByRole('button', { name: 'Resume' }).click();
  await expect(runStatus(page)).toHaveAttribute('data-status', 'running', { timeout: 20_000 });
  await expect(runStatus(page)).toHaveAttribute('data-status', 'succeeded', { timeout: 60_000 });
  await expect(view.getByTestId('run-fold-row')).toHaveCount(3);
  // The kept fold was not trained again; the interrupted one has each of its epochs once.
  await expect(view.getByTestId('run-fold-row').first()).toHaveText(firstFold ?? '');
  await view.getByRole('combobox', { name: 'Curves of' }).click();
  await page.getByRole('option', { name: 'subject Demo/D02' }).click();
  await expect(view.getByTestId('curve-total')).toHaveAttribute('data-points', '24');
  expectNoPageErrors(page);
});
