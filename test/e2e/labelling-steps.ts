import type { Page } from '@playwright/test';
import { expect } from './fixtures';

/** Steps of the labelling specs: the coder session, marking from the keyboard, the editor. */

/** Chooses (or adds) the coder of this browser through the app bar's "who is coding" button. */
export async function chooseCoder(page: Page, name: string): Promise<void> {
  await page.getByTestId('current-coder').click();
  const dialog = page.getByRole('dialog', { name: 'Who is coding?' });
  const existing = dialog.getByRole('list', { name: 'Coders' }).getByRole('button', { name: new RegExp(`^${name}\\b`) });
  if ((await existing.count()) > 0) await existing.first().click();
  else {
    await dialog.getByLabel('New coder').fill(name);
    await dialog.getByRole('button', { name: 'Add and use' }).click();
  }
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('current-coder')).toHaveText(`Coding as ${name}`);
}

/** Waits until frame `n` is on screen (any media: the number shown and a drawn frame). */
export async function expectShown(page: Page, n: number): Promise<void> {
  await expect(page.getByTestId('frame-number')).toHaveText(String(n));
  await expect(page.getByTestId('frame-canvas')).toHaveAttribute('data-mode', 'frame');
}

/** Goes to frame `n` with G, typing the number (as a coder does). */
export async function goToFrame(page: Page, n: number): Promise<void> {
  await page.keyboard.press('g');
  await page.keyboard.type(String(n));
  await page.keyboard.press('Enter');
  await expectShown(page, n);
}

/** The editor panel of the selected event. */
export const eventPanel = (page: Page) => page.getByTestId('event-panel');

/** Marks onset, apex and offset at the given frames from the keyboard (I, A, O by default). */
export async function markEvent(page: Page, frames: { onset: number; apex: number | null; offset: number }, keys = { onset: 'i', apex: 'a', offset: 'o' }): Promise<void> {
  await goToFrame(page, frames.onset);
  await page.keyboard.press(keys.onset);
  if (frames.apex === null) await page.keyboard.press(`Shift+${keys.apex.toUpperCase()}`);
  else {
    await goToFrame(page, frames.apex);
    await page.keyboard.press(keys.apex);
  }
  await goToFrame(page, frames.offset);
  await page.keyboard.press(keys.offset);
  const draft = page.getByTestId('draft-panel');
  await expect(draft.getByTestId('field-onset')).toHaveValue(String(frames.onset));
  await expect(draft.getByTestId('field-offset')).toHaveValue(String(frames.offset));
}

/** The event bars on the timeline. */
export const eventBars = (page: Page) => page.getByTestId('event-bar');

/** Adds AUs through the AU editor's keyboard path: U, then each code and Enter, then Esc. */
export async function addAusFromKeyboard(page: Page, codes: string[]): Promise<void> {
  await page.keyboard.press('u');
  const picker = page.getByLabel('Add AU (number or name)');
  await expect(picker).toBeFocused();
  for (const code of codes) {
    await page.keyboard.type(code);
    await page.keyboard.press('Enter');
    await expect(picker).toHaveValue('');
  }
  await page.keyboard.press('Escape');
  await expect(picker).not.toBeFocused();
}

/** Marks a whole event from the keyboard and saves it with Enter; returns the new event's id. */
export async function labelEvent(page: Page, e: { onset: number; apex: number | null; offset: number; emotionKey: string; aus: string[] }): Promise<number> {
  await markEvent(page, e);
  await page.keyboard.press(e.emotionKey);
  if (e.aus.length > 0) await addAusFromKeyboard(page, e.aus);
  await page.keyboard.press('Enter');
  const title = eventPanel(page).getByTestId('event-title');
  await expect(title).toHaveText(/^Event \d+$/);
  return Number((await title.textContent())?.replace('Event ', ''));
}

const pageErrors = new WeakMap<Page, Error[]>();

/** Collects uncaught errors of the page (a crashed React tree shows as a blank page, not a failure). */
export function watchPageErrors(page: Page): void {
  const errors: Error[] = [];
  pageErrors.set(page, errors);
  page.on('pageerror', (error) => errors.push(error));
}

export function expectNoPageErrors(page: Page): void {
  expect((pageErrors.get(page) ?? []).map((e) => e.message), 'uncaught errors in the page').toEqual([]);
}
