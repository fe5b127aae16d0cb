import type { Locator, Page } from '@playwright/test';
import { createProject, openApp } from './library-steps';
import { expect, test } from './fixtures';

/** The project's label sets and mappings, opened from the Library's project summary. */
async function openMappings(page: Page) {
  await page.getByRole('button', { name: 'Label sets and mappings…' }).click();
  const dialog = page.getByRole('dialog', { name: /^Label sets and mappings of/ });
  await expect(dialog.getByRole('list', { name: 'Built-in mappings' }).getByRole('listitem').first()).toBeVisible();
  return dialog;
}

/** The labels a mapping's item lists under one class ('left out' for the dropped ones). */
function labelsOf(item: Locator, cls: string) {
  return item.locator(`[data-testid="mapping-class"][data-class="${cls}"] dd`);
}

/** Picks the class of one project label in the mapping editor. */
async function choose(page: Page, editor: Locator, label: string, option: string) {
  await editor.getByRole('combobox', { name: new RegExp(`^${label}\\b`) }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

test('a mapping is created, survives a reload, is edited, and an invalid one is refused next to its field', async ({ page, server }) => {
  // About 20 s of clicks alone; the default 30 s is too tight while the rest of the suite loads the cores.
  test.setTimeout(90_000);
  await openApp(page, server.url);
  await createProject(page, 'Mapping lab');

  let dialog = await openMappings(page);
  // The public datasets' label sets and the project's own are listed; built-in mappings are read-only.
  const sets = dialog.getByRole('list', { name: 'Label sets' });
  for (const name of ['This project', 'SDU (six basic emotions)', 'CASME II', 'SAMM', 'MMEW (micro)', 'SMIC (HS, VIS, NIR)']) {
    await expect(sets.getByRole('listitem', { name, exact: true })).toBeVisible();
  }
  const casme = dialog.getByRole('list', { name: 'Built-in mappings' }).getByRole('listitem', { name: 'CASME II → MEGC 2019 (3 classes)' });
  await expect(casme).toContainText('Read-only');
  await expect(casme.getByRole('button', { name: 'Edit' })).toHaveCount(0);
  await expect(dialog.getByText('None yet.')).toBeVisible();

  await dialog.getByRole('button', { name: 'New mapping' }).click();
  let editor = page.getByRole('dialog', { name: 'New mapping' });
  await editor.getByLabel('Mapping name').fill('Valence');
  await editor.getByLabel('Target classes').fill('negative, positive, surprise');
  await choose(page, editor, 'happiness', 'positive');
  await choose(page, editor, 'surprise', 'surprise');
  for (const label of ['disgust', 'sadness', 'fear', 'anger']) await choose(page, editor, label, 'negative');
  await editor.getByRole('button', { name: 'Save mapping' }).click();
  await expect(editor).toBeHidden();
  const own = dialog.getByRole('list', { name: 'Project mappings' }).getByRole('listitem', { name: 'Valence' });
  await expect(labelsOf(own, 'negative')).toHaveText('disgust, sadness, fear, anger');

  await page.reload();
  dialog = await openMappings(page);
  await expect(labelsOf(own, 'positive')).toHaveText('happiness');

  // Edit: sadness is left out from now on.
  await own.getByRole('button', { name: 'Edit' }).click();
  editor = page.getByRole('dialog', { name: 'Edit mapping “Valence”' });
  await choose(page, editor, 'sadness', 'Leave out');
  await editor.getByRole('button', { name: 'Save mapping' }).click();
  await expect(editor).toBeHidden();
  await expect(labelsOf(own, 'left out')).toHaveText('sadness');
  await expect(labelsOf(own, 'negative')).toHaveText('disgust, fear, anger');

  // Invalid: surprise still maps to a class the mapping no longer has. The server's reason shows under that label.
  await own.getByRole('button', { name: 'Edit' }).click();
  await editor.getByLabel('Target classes').fill('negative, positive');
  await expect(editor.getByRole('combobox', { name: /^surprise\b/ })).toHaveText('surprise (not a target class)');
  await editor.getByRole('button', { name: 'Save mapping' }).click();
  await expect(editor.getByRole('combobox', { name: /^surprise\b/ })).toHaveAccessibleDescription('"surprise" is not one of the target labels (negative, positive)');
  await editor.getByRole('button', { name: 'Cancel' }).click();
  await expect(labelsOf(own, 'surprise')).toHaveText('surprise');

  // A copy of a built-in mapping leaves the labels it does not know to choose, and says so on save.
  await casme.getByRole('button', { name: 'Copy' }).click();
  editor = page.getByRole('dialog', { name: 'New mapping' });
  await expect(editor.getByLabel('Mapping name')).toHaveValue('CASME II → MEGC 2019 (3 classes) (copy)');
  await editor.getByRole('button', { name: 'Save mapping' }).click();
  await expect(editor.getByRole('combobox', { name: /^anger\b/ })).toHaveAccessibleDescription(/"anger" is not mapped/);
  await choose(page, editor, 'anger', 'negative');
  await editor.getByRole('button', { name: 'Save mapping' }).click();
  await expect(editor).toBeHidden();
  await expect(dialog.getByRole('list', { name: 'Project mappings' }).getByRole('listitem')).toHaveCount(2);
});
