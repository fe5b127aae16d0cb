import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { openApp, openFolder } from './library-steps';
import { apiClient } from './scrubber-steps';
import { seedTinyProject, tinyConfig, trainByApi } from './training-results-steps';

interface Stored {
  fold: number;
  eventId: number;
  trueClass: number;
  predictedClass: number;
  probabilities: number[];
}

const classes = ['happiness', 'surprise'];
const percent = (p: number) => `${(p * 100).toFixed(1)} %`;

/** Predicts the event open on the Label page and checks the shown prediction against the run's stored one. */
async function predictAndCheck(page: Page, expected: Stored): Promise<void> {
  const section = page.getByTestId('prediction-section');
  await section.getByRole('button', { name: 'Predict this event' }).click();
  const result = section.getByTestId('prediction-result');
  await expect(result).toBeVisible({ timeout: 60_000 });
  await expect(result.getByTestId('predicted-class')).toHaveText(classes[expected.predictedClass]!);
  await expect(result.getByTestId('human-label')).toHaveText(classes[expected.trueClass]!);
  const rows = result.getByTestId('probability-row');
  await expect(rows).toHaveCount(2);
  for (const [i, name] of classes.entries()) await expect(rows.nth(i)).toHaveText(`${name}${percent(expected.probabilities[i]!)}`);
}

test("a trained fold's model predicts the selected event on the Label page, from the run and from its saved TensorFlow.js folder", async ({ page, server, playwright }) => {
  test.setTimeout(240_000);
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'mer-e2e-predict-'));
  const api = await apiClient(playwright, server);
  try {
    const { projectId } = await seedTinyProject(api, path.join(scratch, 'frames'));
    const run = await trainByApi(api, { config: tinyConfig(projectId, { protocol: { protocol: 'kfold', folds: 3, onlyFolds: [0] } }), name: 'tiny fold 1' });
    const stored = await api.call<Stored[]>('training.runs.predictions', { id: run.id });
    const expected = stored[0]!;
    const event = await api.call<{ recordingId: number }>('events.get', { id: expected.eventId });

    // The Label page, the run's test event selected on the timeline.
    await openApp(page, `${server.url}#/label/${event.recordingId}`);
    await page.locator(`[data-testid="event-bar"][data-event-id="${expected.eventId}"]`).click();
    await expect(page.getByTestId('event-panel')).toHaveAttribute('data-event-id', String(expected.eventId));
    const section = page.getByTestId('prediction-section');
    await expect(section.getByRole('button', { name: 'Predict this event' })).toBeDisabled();
    await section.getByLabel('Model').click();
    await page.getByRole('option', { name: `Run #${run.id} · tiny fold 1` }).click();
    await section.getByLabel('Fold').click();
    await page.getByRole('option').first().click();
    await predictAndCheck(page, expected);

    // The Results page saves the fold's model as TensorFlow.js into a folder chosen like an export's.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Results' }).click();
    await page.getByTestId('run-overview').getByRole('button', { name: 'Save model (TensorFlow.js)…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Save model (TensorFlow.js)' });
    await openFolder(dialog, scratch);
    await expect(dialog.getByTestId('file-browser-summary')).toHaveText('1 item in this folder');
    await dialog.getByLabel('New folder for the model').fill('tiny-model');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(dialog.getByTestId('model-export-result')).toContainText('Saved 1 fold model to');
    await expect(dialog.getByTestId('model-export-dir')).toHaveText(path.join(scratch, 'tiny-model'));
    await expect(dialog.getByRole('button', { name: 'Folder tiny-model' })).toBeVisible();
    await dialog.getByRole('button', { name: 'Close' }).click();

    // Back on the Label page, the saved folder predicts the same.
    await page.goBack();
    await page.locator(`[data-testid="event-bar"][data-event-id="${expected.eventId}"]`).click();
    await expect(page.getByTestId('event-panel')).toHaveAttribute('data-event-id', String(expected.eventId));
    await section.getByLabel('Model').click();
    await page.getByRole('option', { name: 'A TensorFlow.js model folder…' }).click();
    await section.getByLabel('Model folder (holding model.json)').fill(path.join(scratch, 'tiny-model', 'fold-1'));
    await predictAndCheck(page, expected);

    // A folder without a model says so.
    await section.getByLabel('Model folder (holding model.json)').fill(scratch);
    await section.getByRole('button', { name: 'Predict this event' }).click();
    await expect(section.getByRole('alert')).toContainText(`${scratch} holds no model.json`, { timeout: 30_000 });
  } finally {
    await api.dispose();
    rmSync(scratch, { recursive: true, force: true });
  }
});
