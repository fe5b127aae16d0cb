import { openApp } from './library-steps';
import { expect, test } from './fixtures';

test('the demo project is created from the empty Library and opens in the scrubber', async ({ page, server }) => {
  // The full demo renders and imports 24 recordings: about 70 s alone, several minutes beside training specs.
  test.setTimeout(420_000);
  await openApp(page, server.url);
  await page.getByRole('button', { name: 'Create demo project' }).click();
  await expect(page.getByTestId('demo-progress')).toBeVisible();
  await expect(page.getByTestId('selected-project-name')).toHaveText('Demo', { timeout: 400_000 });
  const rows = page.getByTestId('recording-row');
  await expect(rows.first()).toBeVisible();
  const count = await rows.count();
  expect(count).toBeGreaterThan(1);

  // Asking again is a no-op: the same project, no new recordings.
  await page.getByRole('button', { name: 'More project actions' }).click();
  await page.getByRole('menuitem', { name: 'Create demo project' }).click();
  await page.getByRole('button', { name: 'Jobs', exact: true }).click();
  const second = page.getByTestId('jobs-panel').getByRole('listitem', { name: /Demo project/ }).first();
  await expect(second).toHaveAttribute('data-status', 'succeeded');
  await expect(second).toContainText('already exists');
  await page.getByRole('button', { name: 'Close jobs' }).click();
  await expect(rows).toHaveCount(count);

  await rows.first().getByRole('link', { name: /^Open / }).click();
  await expect(page.getByTestId('frame-canvas')).toHaveAttribute('data-mode', 'frame');
  await expect(page.getByTestId('frame-number')).toHaveText('0');
});
