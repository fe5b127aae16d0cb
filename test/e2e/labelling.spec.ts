import { openApp } from './library-steps';
import { chooseCoder, eventBars, eventPanel, expectNoPageErrors, goToFrame, labelEvent, markEvent, watchPageErrors } from './labelling-steps';
import { expect, test } from './media-fixtures';
import { apiClient, expectFrame, importByApi, openClipOnLabelPage } from './scrubber-steps';

test.describe('Labelling', () => {
  test.beforeEach(({ page }) => watchPageErrors(page));
  test.afterEach(({ page }) => expectNoPageErrors(page));

  test('an impossible range is refused with the field’s message', async ({ page, server, media, playwright }) => {
    await openClipOnLabelPage(page, playwright, server, media.clip, 'Ranges');
    await chooseCoder(page, 'Ana');

    // Offset marked before the onset: the server names the field.
    await markEvent(page, { onset: 60, apex: null, offset: 40 });
    await page.keyboard.press('2');
    const draft = page.getByTestId('draft-panel');
    await expect(draft.getByTestId('field-emotion')).toHaveValue('surprise');
    await page.keyboard.press('Enter');
    await expect(draft.getByTestId('frame-error')).toHaveText('the offset (40) comes before the onset (60)');
    await expect(draft.getByTestId('field-offset')).toHaveAttribute('aria-invalid', 'true');

    // A frame outside the recording, typed into the editor.
    await draft.getByTestId('field-offset').fill('500');
    await draft.getByRole('button', { name: 'Save event (Enter)' }).click();
    await expect(draft.getByTestId('frame-error')).toHaveText('frame 500 is outside the recording (frames 0..119)');
    await expect(eventBars(page)).toHaveCount(0);

    // Unreadable AUs are marked as typed and refused with the server's message.
    await draft.getByTestId('field-offset').fill('70');
    await draft.getByLabel('AU notation').fill('1+2+43F');
    await expect(draft.getByTestId('au-unreadable')).toHaveText('43F');
    await draft.getByRole('button', { name: 'Save event (Enter)' }).click();
    await expect(draft.getByTestId('au-editor').getByText('cannot read "43F" in "1+2+43F"')).toBeVisible();
    await expect(draft.getByTestId('save-refused')).toHaveText('Not saved — aus: cannot read "43F" in "1+2+43F"');

    // Fixed, it saves and shows on the timeline, flagged for its missing apex.
    await draft.getByLabel('AU notation').fill('1+2+R12');
    await expect(draft.getByTestId('au-row')).toHaveCount(3);
    await draft.getByRole('button', { name: 'Save event (Enter)' }).click();
    await expect(eventPanel(page).getByTestId('event-title')).toHaveText(/^Event \d+$/);
    await expect(eventBars(page)).toHaveCount(1);
    await expect(eventBars(page).first()).toHaveAttribute('data-flags', 'apex-missing');
  });

  test('double coding: two coders label one recording and the agreement report compares them', async ({ page, server, media, playwright }) => {
    test.setTimeout(90_000);
    await openClipOnLabelPage(page, playwright, server, media.clip, 'Double coding');
    await chooseCoder(page, 'Ana');
    // Emotion keys follow the label set: 1 happiness, 2 surprise.
    await labelEvent(page, { onset: 10, apex: 20, offset: 30, emotionKey: '1', aus: ['6', '12'] });
    await labelEvent(page, { onset: 60, apex: 70, offset: 80, emotionKey: '2', aus: ['1', '2', '5'] });
    await expect(eventBars(page)).toHaveCount(2);

    await chooseCoder(page, 'Ben');
    // A coder sees only their own events until Compare is on.
    await expect(eventBars(page)).toHaveCount(0);
    await labelEvent(page, { onset: 12, apex: 21, offset: 31, emotionKey: '1', aus: ['12'] });
    await labelEvent(page, { onset: 62, apex: null, offset: 79, emotionKey: '2', aus: ['1', '2'] });
    await page.keyboard.press('c');
    await expect(eventBars(page)).toHaveCount(4);
    await expect(page.getByTestId('coder-track')).toHaveCount(2);
    await page.screenshot({ path: test.info().outputPath('compare.png') });

    await page.getByRole('link', { name: 'Agreement' }).last().click();
    await expect(page.getByTestId('agreement-page')).toBeVisible();
    await page.getByLabel('Coder A').click();
    await page.getByRole('option', { name: 'Ana' }).click();
    await page.getByLabel('Coder B').click();
    await page.getByRole('option', { name: 'Ben' }).click();
    const pair = page.getByTestId('agreement-pair');
    await expect(pair).toHaveCount(1);
    await expect(pair.getByTestId('pair-matched')).toHaveText('2');
    // Both coders agree on both emotions: kappa 1. FACS: 2·(1 + 2) / (2 + 1 + 3 + 2) = 0.75.
    await expect(pair.getByTestId('pair-kappa')).toHaveText('1.00');
    await expect(pair.getByTestId('pair-facs')).toHaveText('0.75');
    await expect(pair.getByTestId('matched-facs')).toHaveText(['0.67', '0.80']);
    await expect(page.getByTestId('overall-matched')).toHaveText('2');
    await expect(page.getByTestId('overall-kappa')).toHaveText('1.00');
    await expect(page.getByTestId('overall-facs')).toHaveText('0.75');
    await page.screenshot({ path: test.info().outputPath('agreement.png'), fullPage: true });

    // Adjudicate the first pair: onset from Ben, the rest from Ana.
    await pair.getByTestId('matched-row').first().getByRole('button', { name: 'Adjudicate' }).click();
    const dialog = page.getByRole('dialog', { name: /^Adjudicate events/ });
    await dialog.getByLabel('Onset from B').check();
    await expect(dialog.getByTestId('consensus-onset')).toHaveText('12');
    await dialog.getByRole('button', { name: 'Save consensus as Ben' }).click();
    const provenance = dialog.getByTestId('consensus-provenance');
    await expect(provenance).toContainText(/onset: Ben \(event \d+\)/);
    await expect(provenance).toContainText(/emotion: Ana \(event \d+\)/);
    await page.screenshot({ path: test.info().outputPath('adjudication.png') });
  });

  test('a stale edit from another browser shows the conflict and the current value', async ({ page, server, media, playwright, browser }) => {
    const api = await apiClient(playwright, server);
    const project = await api.call<{ id: number }>('projects.create', { name: 'Conflicts' });
    const id = await importByApi(api, project.id, 'recordings.import-video', { path: media.clip });
    const ana = await api.call<{ id: number }>('annotators.create', { name: 'Ana' });
    const event = await api.call<{ id: number }>('events.create', { recordingId: id, annotatorId: ana.id, onset: 20, apex: 25, offset: 35, emotion: 'happiness', aus: '6+12' });
    await api.dispose();
    const href = `${server.url}#/label/${id}?event=${event.id}`;

    await openApp(page, href);
    await chooseCoder(page, 'Ana');
    await expect(eventPanel(page)).toHaveAttribute('data-event-id', String(event.id));
    await expectFrame(page, 20);
    // This browser starts editing…
    await eventPanel(page).getByLabel('Notes').fill('brow first');

    // …while the same coder, on another machine, changes the AUs and saves.
    const other = await browser.newContext({ viewport: { width: 1360, height: 860 } });
    const second = await other.newPage();
    watchPageErrors(second);
    await openApp(second, href);
    await chooseCoder(second, 'Ana');
    await eventPanel(second).getByLabel('AU notation').fill('6+12+25');
    await eventPanel(second).getByRole('button', { name: 'Save (Enter)' }).click();
    await expect(eventPanel(second).getByRole('button', { name: 'Save (Enter)' })).toBeDisabled();
    expectNoPageErrors(second);
    await other.close();

    await eventPanel(page).getByRole('button', { name: 'Save (Enter)' }).click();
    const conflict = page.getByTestId('conflict');
    await expect(conflict.getByTestId('conflict-message')).toHaveText(
      `Event ${event.id} was changed by Ana since you opened it (version 1, now 2); your change was not saved. Review the current value and try again.`,
    );
    await expect(conflict.getByTestId('conflict-current')).toHaveText('happiness · 20–35 (apex 25) · AUs 6+12+25');
    await page.screenshot({ path: test.info().outputPath('conflict.png') });

    // Re-applying keeps both changes.
    await conflict.getByRole('button', { name: 'Re-apply my changes' }).click();
    await expect(conflict).toBeHidden();
    await expect(eventPanel(page).getByLabel('AU notation')).toHaveValue('6+12+25');
    await expect(eventPanel(page).getByLabel('Notes')).toHaveValue('brow first');
    await expect(eventPanel(page)).toContainText('v3');
    await goToFrame(page, 50);
  });

  test('marking keys are configurable, checked against the scrubber’s keys, and listed in the shortcut sheet', async ({ page, server, media, playwright }) => {
    await openClipOnLabelPage(page, playwright, server, media.clip, 'Keys');

    await page.getByRole('button', { name: 'Marking keys' }).click();
    const dialog = page.getByRole('dialog', { name: 'Marking keys' });
    await dialog.getByLabel('Onset key').press('l');
    await expect(dialog.getByText('L plays forward')).toBeVisible();
    await expect(dialog.getByRole('button', { name: 'Save' })).toBeDisabled();
    await dialog.getByLabel('Onset key').press('s');
    await dialog.getByLabel('Apex key').press('e');
    await dialog.getByLabel('Offset key').press('f');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(dialog).toBeHidden();

    await page.keyboard.press('?');
    const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await expect(sheet).toContainText('Apex explicitly missing');
    await expect(sheet.locator('kbd', { hasText: 'Shift + E' })).toBeVisible();
    await expect(sheet).toContainText('1 happiness, 2 surprise, 3 disgust');
    await page.keyboard.press('Escape');
    await expect(sheet).toBeHidden();

    // The keys last across a reload; I is the loop's in-point again, and marks nothing.
    await page.reload();
    await expectFrame(page, 0);
    await goToFrame(page, 5);
    await page.keyboard.press('i');
    await expect(page.getByTestId('loop-label')).toHaveText('in 5 · out —');
    await expect(page.getByTestId('draft-panel')).toHaveCount(0);
    await markEvent(page, { onset: 30, apex: null, offset: 40 }, { onset: 's', apex: 'e', offset: 'f' });
    await expect(page.getByTestId('draft-bar')).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('draft-bar')).toHaveCount(0);
  });

  test('dragging a handle saves the new frame; overlapping events are flagged', async ({ page, server, media, playwright }) => {
    const api = await apiClient(playwright, server);
    const project = await api.call<{ id: number }>('projects.create', { name: 'Drag' });
    const id = await importByApi(api, project.id, 'recordings.import-video', { path: media.clip });
    const ana = await api.call<{ id: number }>('annotators.create', { name: 'Ana' });
    const first = await api.call<{ id: number }>('events.create', { recordingId: id, annotatorId: ana.id, onset: 20, apex: 30, offset: 40, emotion: 'fear' });
    const second = await api.call<{ id: number }>('events.create', { recordingId: id, annotatorId: ana.id, onset: 35, apex: 45, offset: 50, emotion: 'anger' });
    await api.dispose();

    await openApp(page, `${server.url}#/label/${id}?event=${first.id}`);
    await chooseCoder(page, 'Ana');
    await expect(eventPanel(page)).toHaveAttribute('data-event-id', String(first.id));
    const bar = (eventId: number) => page.locator(`[data-testid="event-bar"][data-event-id="${eventId}"]`);
    await expect(bar(first.id)).toHaveAttribute('data-flags', 'overlap');
    await expect(bar(second.id)).toHaveAttribute('data-flags', 'overlap');
    await expect(bar(first.id)).toHaveAttribute('aria-pressed', 'true');

    // Drag the offset handle from frame 40 to frame 32, which ends the overlap.
    const track = await page.getByTestId('event-track').boundingBox();
    const handle = await bar(first.id).getByTestId('handle-offset').boundingBox();
    if (!track || !handle) throw new Error('the track is not laid out');
    const pxPerFrame = track.width / 120;
    const y = handle.y + handle.height / 2;
    await page.mouse.move(handle.x + handle.width / 2, y);
    await page.mouse.down();
    await page.mouse.move(track.x + 36 * pxPerFrame, y, { steps: 4 });
    await page.mouse.move(track.x + 32.5 * pxPerFrame, y, { steps: 4 });
    await page.mouse.up();
    await expect(eventPanel(page).getByTestId('field-offset')).toHaveValue('32');
    await expect(eventPanel(page)).toContainText('v2');
    await expect(bar(first.id)).toHaveAttribute('data-flags', '');
    await expect(bar(second.id)).toHaveAttribute('data-flags', '');
  });
});
