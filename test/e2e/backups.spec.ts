import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { createProject, openApp } from './library-steps';

/** The Backups screen, opened from the Library's project actions menu. */
async function openBackups(page: Page) {
  await page.getByRole('button', { name: 'More project actions' }).click();
  await page.getByRole('menuitem', { name: 'Backups…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Backups' });
  await expect(dialog.getByRole('form', { name: 'Backup schedule' })).toBeVisible();
  return dialog;
}

test('back up now, verify, change the schedule, and restore with a confirmation', async ({ page, server }) => {
  // Two backups, a restore and a reload: more than the default 30 s on a busy machine.
  test.setTimeout(90_000);
  await openApp(page, server.url);
  await createProject(page, 'Kept');

  let dialog = await openBackups(page);
  await expect(dialog.getByText('No backups yet.')).toBeVisible();
  await dialog.getByRole('button', { name: 'Back up now' }).click();
  const backup = dialog.getByRole('row', { name: /^Backup .*-manual$/ });
  await expect(backup).toContainText('Manual');
  await expect(backup).toContainText('0 recordings, 0 frame files, 0 training runs');
  await expect(backup).toContainText(/\d+(\.\d+)? KiB/);
  await backup.getByRole('button', { name: 'Verify' }).click();
  await expect(backup).toContainText('Verified: the backup is complete and sound');

  // The schedule is on by default; a bad value is refused next to its field, a good one is kept.
  const schedule = dialog.getByRole('form', { name: 'Backup schedule' });
  await expect(schedule.getByRole('switch', { name: 'Back up automatically' })).toBeChecked();
  await expect(schedule.getByLabel('Every (hours)')).toHaveValue('24');
  await schedule.getByLabel('Every (hours)').fill('0');
  await schedule.getByRole('button', { name: 'Save schedule' }).click();
  await expect(schedule.getByText('must be 1 to 720 hours')).toBeVisible();
  await schedule.getByLabel('Every (hours)').fill('12');
  await schedule.getByLabel('Automatic backups to keep').fill('3');
  await schedule.getByRole('button', { name: 'Save schedule' }).click();
  await expect(dialog.getByText(/^Next automatic backup:/)).toBeVisible();
  await dialog.getByRole('button', { name: 'Close' }).click();

  await createProject(page, 'Made after the backup');
  dialog = await openBackups(page);
  await expect(dialog.getByRole('form', { name: 'Backup schedule' }).getByLabel('Every (hours)')).toHaveValue('12');
  await dialog.getByRole('row', { name: /^Backup .*-manual$/ }).getByRole('button', { name: 'Restore…' }).click();
  const confirm = page.getByRole('dialog', { name: 'Restore this backup?' });
  await expect(confirm).toContainText('first kept as a “before restore” backup');
  await confirm.getByRole('button', { name: 'Restore' }).click();
  await expect(dialog.getByText(/^Restored the backup .*-manual\. The data as it was before is kept as the backup .*-before-restore\.$/)).toBeVisible();
  await expect(dialog.getByRole('row', { name: /^Backup .*-before-restore$/ })).toContainText('Before restore');

  await dialog.getByRole('button', { name: 'Reload the app' }).click();
  const projects = page.getByRole('list', { name: 'Projects' });
  await expect(projects.getByText('Kept', { exact: true })).toBeVisible();
  await expect(projects.getByText('Made after the backup')).toHaveCount(0);
  // The schedule is data too: the backup's (24 hours) came back with it.
  dialog = await openBackups(page);
  await expect(dialog.getByRole('form', { name: 'Backup schedule' }).getByLabel('Every (hours)')).toHaveValue('24');
});

test.describe('a slow backup', () => {
  // Every progress step of a job takes 800 ms: time to see the progress and cancel.
  test.use({ serverEnv: { MER_FAULT_PROGRESS_DELAY_MS: '800' } });

  test('shows its progress and can be cancelled, leaving no backup', async ({ page, server }) => {
    await openApp(page, server.url);
    const dialog = await openBackups(page);
    await dialog.getByRole('button', { name: 'Back up now' }).click();
    const progress = dialog.getByTestId('backup-progress');
    await expect(progress.getByRole('progressbar', { name: 'Backup progress' })).toBeVisible();
    await progress.getByRole('button', { name: 'Cancel backup' }).click();
    await expect(dialog.getByRole('button', { name: 'Back up now' })).toBeVisible({ timeout: 15_000 });
    await expect(dialog.getByText('No backups yet.')).toBeVisible();
  });
});
