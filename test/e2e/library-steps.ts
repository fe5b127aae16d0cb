import type { Locator, Page } from '@playwright/test';
import { expect } from './fixtures';

/** Steps a user takes on the Library page, shared by the specs. */

export async function openApp(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
}

export async function createProject(page: Page, name: string, fps?: string): Promise<void> {
  await page.getByRole('button', { name: 'New project' }).click();
  const dialog = page.getByRole('dialog', { name: 'New project' });
  await dialog.getByLabel('Project name').fill(name);
  if (fps !== undefined) await dialog.getByLabel('Default frame rate (fps)').fill(fps);
  await dialog.getByRole('button', { name: 'Create project' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('selected-project-name')).toHaveText(name);
}

export async function addSubject(page: Page, code: string, notes = ''): Promise<void> {
  await page.getByRole('button', { name: 'Add subject' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add subject' });
  await dialog.getByLabel('Subject code').fill(code);
  if (notes) await dialog.getByLabel('Notes').fill(notes);
  await dialog.getByRole('button', { name: 'Add subject' }).click();
  await expect(dialog).toBeHidden();
  await expect(subjectRow(page, code)).toBeVisible();
}

/** The subjects table row whose code cell is exactly `code`. */
export function subjectRow(page: Page, code: string) {
  return page.getByTestId('subject-row').filter({ has: page.getByRole('cell', { name: code, exact: true }) });
}

/**
 * Opens `dir` in a folder browser inside `scope`. The browser fills its field with the first
 * folder it lists; text filled before that listing arrives can be mixed into it (the field's
 * value changes between Playwright's select-all and its insert), so wait for it, and check what
 * was typed before pressing Enter.
 */
export async function openFolder(scope: Locator, dir: string): Promise<void> {
  const field = scope.getByLabel('Folder on the backend machine');
  await expect(field).not.toHaveValue('');
  await expect(async () => {
    await field.fill(dir);
    await expect(field).toHaveValue(dir, { timeout: 1_000 });
  }).toPass();
  await field.press('Enter');
}
