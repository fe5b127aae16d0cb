import { expect, test } from './fixtures';
import { openApp } from './library-steps';

test('the navigation reaches every page, and the address keeps the page across a reload', async ({ page, server }) => {
  await openApp(page, server.url);
  const nav = page.getByRole('navigation', { name: 'Main' });
  await expect(nav.getByRole('link', { name: 'Library' })).toHaveAttribute('aria-current', 'page');

  await nav.getByRole('link', { name: 'Label' }).click();
  await expect(page).toHaveURL(/#\/label$/);
  await expect(nav.getByRole('link', { name: 'Label' })).toHaveAttribute('aria-current', 'page');
  await expect(page.getByTestId('recording-picker')).toContainText('Open a recording to step through it frame by frame.');

  for (const title of ['Train', 'Results', 'Export']) {
    await nav.getByRole('link', { name: title }).click();
    await expect(page).toHaveURL(new RegExp(`#/${title.toLowerCase()}$`));
    await expect(nav.getByRole('link', { name: title })).toHaveAttribute('aria-current', 'page');
    await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  }

  // The address names the page, so a reload stays on it; Back returns to the previous one.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Export' })).toBeVisible();
  await page.goBack();
  await expect(page.getByRole('heading', { level: 1, name: 'Results' })).toBeVisible();
  await nav.getByRole('link', { name: 'Library' }).click();
  await expect(page.getByRole('button', { name: 'New project' })).toBeVisible();
});
