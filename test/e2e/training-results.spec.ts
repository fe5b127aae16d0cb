import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Download } from '@playwright/test';
import { expect, test } from './fixtures';
import { openApp } from './library-steps';
import { apiClient } from './scrubber-steps';
import { seedTinyProject, tinyConfig, trainByApi } from './training-results-steps';

const lines = (text: string) => text.trim().split(/\r?\n/);
const read = async (download: Download) => readFileSync((await download.path())!, 'utf8');

test('a finished run shows its metrics and confusion matrix, and its results download as CSV and PNG', async ({ page, server, playwright }) => {
  test.setTimeout(150_000);
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'mer-e2e-results-'));
  const api = await apiClient(playwright, server);
  try {
    const { projectId, events } = await seedTinyProject(api, scratch);
    const run = await trainByApi(api, { config: tinyConfig(projectId), name: 'tiny 3-fold' });
    // Every event is tested once over the three folds.
    expect(run.pooled.samples).toBe(events);

    await openApp(page, server.url);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Results' }).click();
    const results = page.getByTestId('results-page');
    await expect(results.getByTestId('run-row')).toHaveCount(1);
    await expect(results.getByTestId('run-row')).toContainText('tiny 3-fold');
    await expect(results.getByTestId('run-row')).toContainText('Succeeded');

    // The pooled metrics and one row per fold.
    const overview = results.getByTestId('run-overview');
    await expect(overview.getByTestId('pooled-samples')).toHaveText(String(events));
    await expect(overview.getByTestId('pooled-accuracy')).toHaveText(`${(run.pooled.accuracy! * 100).toFixed(1)} %`);
    await expect(overview.getByTestId('pooled-uf1')).toHaveText(run.pooled.uf1 === null ? '—' : run.pooled.uf1.toFixed(4));
    await expect(results.getByTestId('fold-row')).toHaveCount(3);
    await expect(results.getByTestId('fold-row').first()).toContainText('best validation accuracy');

    // The confusion matrix: class names on both axes, counts that add up to the test samples.
    const matrix = results.getByRole('img', { name: /^Confusion matrix, pooled/ });
    await expect(matrix.locator('[data-axis="true"]')).toHaveText(['happiness', 'surprise']);
    await expect(matrix.locator('[data-axis="predicted"]')).toHaveText(['happiness', 'surprise']);
    const counts = await matrix.locator('[data-count]').evaluateAll((cells) => cells.map((c) => Number(c.getAttribute('data-count'))));
    expect(counts).toHaveLength(4);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(events);
    await expect(matrix.locator('[data-count] text')).toHaveText(counts.map(String));
    // Row-normalised, each true class's row adds up to 1 (each class has 12 samples).
    await results.getByRole('button', { name: 'Row-normalised' }).click();
    const shares = (await results.getByRole('img', { name: /row-normalised/ }).locator('[data-count] text').allTextContents()).map(Number);
    expect(shares[0]! + shares[1]!).toBeCloseTo(1, 1);
    expect(shares[2]! + shares[3]!).toBeCloseTo(1, 1);
    await expect(results.getByTestId('per-class-table').getByRole('row')).toHaveCount(3);

    // The metrics CSV: pooled figures as the API has them, then the folds.
    let downloading = page.waitForEvent('download');
    await overview.getByRole('button', { name: 'Metrics CSV' }).click();
    const metricsFile = await downloading;
    expect(metricsFile.suggestedFilename()).toBe(`run-${run.id}-tiny-3-fold-metrics.csv`);
    const rows = lines(await read(metricsFile)).map((l) => l.split(','));
    const header = rows[0]!;
    const cell = (row: string[], column: string) => row[header.indexOf(column)];
    expect(header).toEqual(expect.arrayContaining(['scope', 'class', 'samples', 'accuracy', 'uf1', 'uar', 'recall', 'f1']));
    const pooled = rows.find((r) => cell(r, 'scope') === 'pooled' && cell(r, 'class') === '')!;
    expect(Number(cell(pooled, 'samples'))).toBe(events);
    expect(Number(cell(pooled, 'accuracy'))).toBeCloseTo(run.pooled.accuracy!, 10);
    expect(rows.filter((r) => cell(r, 'scope') === 'pooled' && cell(r, 'class') !== '').map((r) => cell(r, 'class'))).toEqual(['happiness', 'surprise']);
    expect(rows.filter((r) => cell(r, 'class') === '' && cell(r, 'scope') !== 'pooled')).toHaveLength(3);

    // The predictions CSV: every event once, with its true and predicted class.
    downloading = page.waitForEvent('download');
    await overview.getByRole('button', { name: 'Predictions CSV' }).click();
    const predictions = lines(await read(await downloading)).slice(1).map((l) => l.split(','));
    expect(predictions).toHaveLength(events);
    expect(new Set(predictions.map((p) => p[3])).size).toBe(events);
    const correct = predictions.filter((p) => p[7] === 'true').length;
    expect(correct / events).toBeCloseTo(run.pooled.accuracy!, 10);

    // The confusion matrix as a PNG drawn from its SVG.
    downloading = page.waitForEvent('download');
    await results.getByRole('button', { name: 'Download the confusion matrix as PNG' }).click();
    const png = readFileSync((await (await downloading).path())!);
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');

    // Curves of the first fold, and the MI estimate of this decoupled run (row 6 by default).
    await expect(results.getByRole('img', { name: /^Loss, fold 1/ }).locator('[data-legend]')).not.toHaveCount(0);
    await expect(results.getByRole('img', { name: /^MI estimate/ }).locator('[data-series="MI while MENet trains"] circle')).toHaveCount(2);

    // The identity probe per fold and pooled, beside chance, as the API has it.
    const diagnostics = await api.call<{ pooled: Record<'before' | 'after', { accuracy: number; chance: number }> }>('training.runs.diagnostics', { id: run.id });
    const percent = (x: number) => `${(x * 100).toFixed(1)} %`;
    const decoupling = results.getByTestId('decoupling-section');
    const probe = decoupling.getByTestId('identity-probe-table');
    await expect(probe.getByTestId('probe-row')).toHaveCount(3);
    const pooledProbe = probe.getByTestId('probe-pooled');
    await expect(pooledProbe.getByTestId('probe-before')).toHaveText(percent(diagnostics.pooled.before.accuracy));
    await expect(pooledProbe.getByTestId('probe-after')).toHaveText(percent(diagnostics.pooled.after.accuracy));
    await expect(pooledProbe.getByTestId('probe-chance')).toHaveText(percent(diagnostics.pooled.after.chance));

    // DAO attention over the first fold's test samples: one canvas per time step, drawn over the fetched frame.
    const overlay = decoupling.getByTestId('attention-overlay');
    await expect(overlay.getByRole('combobox', { name: 'Test sample' })).toContainText('predicted');
    const canvases = overlay.getByTestId('attention-canvas');
    await expect(canvases).toHaveCount(4);
    for (const canvas of await canvases.all()) await expect(canvas).toHaveAttribute('data-frame-drawn', 'true');
    const pixels = () => canvases.first().evaluate((c) => (c as unknown as { toDataURL(): string }).toDataURL());
    const withHeat = await pixels();
    await overlay.getByRole('slider').focus();
    await page.keyboard.press('Home');
    await expect(overlay.getByText('Overlay opacity 0 %')).toBeVisible();
    await expect.poll(pixels).not.toBe(withHeat);
  } finally {
    await api.dispose();
    rmSync(scratch, { recursive: true, force: true });
  }
});
