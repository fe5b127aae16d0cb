import { openApp } from './library-steps';
import { addAusFromKeyboard, eventBars, eventPanel, expectNoPageErrors, expectShown, goToFrame, markEvent, watchPageErrors } from './labelling-steps';
import { expect, test } from './fixtures';

/**
 * The labelling walkthrough on the demo project, created through the Library as a user does.
 * The server makes the small demo here (3 subjects): demo.spec.ts checks the full one, and two
 * full demos at once would only measure the machine.
 */
test.use({ serverEnv: { MER_DEMO_SCALE: 'small' } });

test('on the demo project an event is labelled from the keyboard, survives a reload, and a change is undone', async ({ page, server }) => {
  test.setTimeout(120_000);
  watchPageErrors(page);
  await openApp(page, server.url);
  await page.getByRole('button', { name: 'Create demo project' }).click();
  await expect(page.getByTestId('selected-project-name')).toHaveText('Demo', { timeout: 90_000 });
  const groundTruth = page.getByTestId('project-events').getByTestId('events-pagination');
  await expect(groundTruth).toContainText(/of (\d+)/);
  const before = Number(/of (\d+)/.exec((await groundTruth.textContent()) ?? '')?.[1]);
  expect(before).toBeGreaterThan(0);

  const row = page.getByTestId('recording-row').first();
  await row.getByRole('link', { name: /^Open / }).click();
  await expectShown(page, 0);
  // Before anyone is coding, every coder's events show: here the demo's ground truth.
  await expect(eventBars(page).first()).toBeVisible();
  await expect(page.getByTestId('coder-track')).toHaveAttribute('data-coder', 'ground truth');

  // Everything from the keyboard: marks, emotion (3 = disgust), two AUs, Enter; the first save asks who is coding.
  await markEvent(page, { onset: 100, apex: 106, offset: 115 });
  await page.keyboard.press('3');
  await addAusFromKeyboard(page, ['9', 'R10B']);
  await expect(page.getByTestId('draft-panel').getByLabel('AU notation')).toHaveValue('9+R10B');
  await page.keyboard.press('Enter');
  const chooser = page.getByRole('dialog', { name: 'Who is coding?' });
  await expect(chooser.getByLabel('New coder')).toBeFocused();
  await page.keyboard.type('Ana');
  await page.keyboard.press('Enter');
  await expect(chooser).toBeHidden();
  await expect(page.getByTestId('current-coder')).toHaveText('Coding as Ana');
  // Now only Ana's own events show.
  const title = eventPanel(page).getByTestId('event-title');
  await expect(title).toHaveText(/^Event \d+$/);
  const eventId = (await title.textContent())?.replace('Event ', '') ?? '';
  await expect(eventBars(page)).toHaveCount(1);
  await page.screenshot({ path: test.info().outputPath('labelled.png') });

  // After a reload the coder and the event are still there; N selects it (jump to the onset, loop it).
  await page.reload();
  await expectShown(page, 0);
  await expect(page.getByTestId('current-coder')).toHaveText('Coding as Ana');
  await expect(eventBars(page)).toHaveCount(1);
  await page.keyboard.press('n');
  await expect(eventPanel(page)).toHaveAttribute('data-event-id', eventId);
  await expectShown(page, 100);
  await expect(page.getByTestId('loop-label')).toHaveText('in 100 · out 115');
  const panel = eventPanel(page);
  await expect(panel.getByTestId('field-emotion')).toHaveValue('disgust');
  await expect(panel.getByLabel('AU notation')).toHaveValue('9+R10B');
  await expect(panel.getByTestId('au-row')).toHaveCount(2);
  await expect(panel.getByTestId('field-apex')).toHaveValue('106');

  // Change it (1 = happiness, Enter), then undo with Ctrl+Z: the old value is back.
  await page.keyboard.press('1');
  await expect(panel.getByTestId('field-emotion')).toHaveValue('happiness');
  await page.keyboard.press('Enter');
  await expect(panel).toContainText('v2');
  await expect(eventBars(page).first()).toContainText('happiness');
  await page.keyboard.press('Control+z');
  await expect(page.getByTestId('undo-notice')).toContainText(`Undid on event ${eventId}: emotion happiness → disgust`);
  await expect(panel.getByTestId('field-emotion')).toHaveValue('disgust');
  await expect(eventBars(page).first()).toContainText('disgust');
  await expect(panel).toContainText('v3');

  // The history shows who changed what, newest first.
  await page.getByRole('tab', { name: 'History' }).click();
  const entries = page.getByTestId('history-entry');
  await expect(entries).toHaveCount(3);
  await expect(entries.nth(0)).toContainText('Undone');
  await expect(entries.nth(0)).toContainText('happiness → disgust');
  await expect(entries.nth(1)).toContainText('Changed');
  await expect(entries.nth(2)).toContainText('Created');
  await page.screenshot({ path: test.info().outputPath('history.png') });

  // The project's events list finds it by coder and opens it at the event.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Library' }).click();
  const events = page.getByTestId('project-events');
  await expect(events.getByTestId('events-pagination')).toContainText(`of ${before + 1}`);
  await events.getByLabel('Coder').click();
  await page.getByRole('option', { name: 'Ana' }).click();
  await expect(events.getByTestId('event-row')).toHaveCount(1);
  await expect(events.getByTestId('event-row')).toContainText('9+R10B');
  await page.screenshot({ path: test.info().outputPath('library-events.png'), fullPage: true });
  await events.getByTestId('event-row').click();
  await expect(page).toHaveURL(new RegExp(`#/label/\\d+\\?event=${eventId}$`));
  await expectShown(page, 100);
  await expect(eventPanel(page)).toHaveAttribute('data-event-id', eventId);
  await expect(page.getByTestId('loop-label')).toHaveText('in 100 · out 115');
  await goToFrame(page, 106);
  expectNoPageErrors(page);
});
