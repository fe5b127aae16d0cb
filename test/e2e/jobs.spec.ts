import { expect, test } from './fixtures';
import { openApp } from './library-steps';

test.describe('Jobs', () => {
  test('an integrity check started from the Jobs panel succeeds', async ({ page, server }) => {
    await openApp(page, server.url);
    await page.getByRole('button', { name: 'Jobs', exact: true }).click();
    const panel = page.getByTestId('jobs-panel');
    await expect(panel.getByText('No jobs yet.')).toBeVisible();

    await panel.getByRole('button', { name: 'Check database integrity' }).click();
    const job = panel.getByRole('listitem', { name: /Database integrity check/ });
    await expect(job).toHaveAttribute('data-status', 'succeeded');
    await expect(job).toContainText('Succeeded');
    await expect(job).toContainText('Database is healthy');
    await expect(job.getByRole('button', { name: /Cancel/ })).toHaveCount(0);
  });

  test('a backup names the file it wrote', async ({ page, server }) => {
    await openApp(page, server.url);
    await page.getByRole('button', { name: 'Jobs', exact: true }).click();
    const panel = page.getByTestId('jobs-panel');
    await panel.getByRole('button', { name: 'Back up database' }).click();
    const job = panel.getByRole('listitem', { name: /Database backup/ });
    await expect(job).toHaveAttribute('data-status', 'succeeded');
    await expect(job).toContainText(new RegExp(`${server.dataDir}/backups/\\d{4}-\\d{2}-\\d{2}T[\\d-]+Z-manual \\(\\d+ KiB\\)`));
  });
});

test.describe('Slow jobs', () => {
  // Every progress step of a job takes 700 ms: long enough to reload or cancel in the middle.
  test.use({ serverEnv: { MER_FAULT_PROGRESS_DELAY_MS: '700' } });

  test('after a reload the panel reattaches to a running job and follows it to the end', async ({ page, server }) => {
    await openApp(page, server.url);
    await page.getByRole('button', { name: 'Jobs', exact: true }).click();
    const panel = page.getByTestId('jobs-panel');
    await panel.getByRole('button', { name: 'Check database integrity' }).click();
    const job = panel.getByRole('listitem', { name: /Database integrity check/ });
    await expect(job).toHaveAttribute('data-status', 'running');

    await page.reload();
    // The app bar counts the running job before the panel is even opened.
    const busyJobsButton = page.getByRole('button', { name: 'Jobs, 1 running' });
    await expect(busyJobsButton).toContainText('1');
    await busyJobsButton.click();
    await expect(job).toHaveAttribute('data-status', 'running');
    await expect(job.getByRole('button', { name: /Cancel/ })).toBeVisible();
    await expect(job).toHaveAttribute('data-status', 'succeeded', { timeout: 20_000 });
    await expect(job).toContainText('Database is healthy');

    await panel.getByRole('button', { name: 'Close jobs' }).click();
    await expect(page.getByRole('button', { name: 'Jobs', exact: true })).toBeVisible();
    await expect(page.getByRole('button', { name: /running/ })).toHaveCount(0);
  });

  test('a running job can be cancelled from the panel', async ({ page, server }) => {
    await openApp(page, server.url);
    await page.getByRole('button', { name: 'Jobs', exact: true }).click();
    const panel = page.getByTestId('jobs-panel');
    await panel.getByRole('button', { name: 'Check database integrity' }).click();
    const job = panel.getByRole('listitem', { name: /Database integrity check/ });
    await expect(job).toHaveAttribute('data-status', 'running');

    await job.getByRole('button', { name: /Cancel/ }).click();
    await expect(job).toHaveAttribute('data-status', 'cancelled', { timeout: 20_000 });
    await expect(job).toContainText('Cancelled');
  });
});
