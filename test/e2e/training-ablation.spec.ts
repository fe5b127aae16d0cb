import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from './fixtures';
import { openApp } from './library-steps';
import { apiClient } from './scrubber-steps';
import { seedTinyProject, tinyConfig, trainByApi, type PooledRun } from './training-results-steps';

const ablation = {
  1: { dao: false, divergence: false, decoupling: false },
  6: { dao: true, divergence: true, decoupling: true },
};

/** "+3.4 pp", "−1.0 pp", "0.0 pp": the difference of two accuracies as the table prints it. */
function points(a: PooledRun, b: PooledRun): string {
  const text = (Math.abs(a.pooled.accuracy! - b.pooled.accuracy!) * 100).toFixed(1);
  if (Number(text) === 0) return `${text} pp`;
  return `${a.pooled.accuracy! > b.pooled.accuracy! ? '+' : '\u2212'}${text} pp`;
}

test('rows 1 and 6 of the ablation matrix, launched as one group, compare as Table 5 with their switches and the difference', async ({ page, server, playwright }) => {
  test.setTimeout(90_000);
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'mer-e2e-ablation-'));
  const api = await apiClient(playwright, server);
  try {
    const { projectId } = await seedTinyProject(api, scratch);
    // One fold each keeps the spec short; both rows train on the same fold.
    const protocol = { protocol: 'kfold', folds: 3, onlyFolds: [0] };
    // Row 6 first, so the table's row order is its own and not the launch order.
    const six = await trainByApi(api, { config: tinyConfig(projectId, { protocol, ablation: ablation[6] }), name: 'full model', group: 'table 5' });
    const one = await trainByApi(api, { config: tinyConfig(projectId, { protocol, ablation: ablation[1] }), name: 'baseline', group: 'table 5' });

    await openApp(page, server.url);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Results' }).click();
    const results = page.getByTestId('results-page');
    await expect(results.getByTestId('run-row')).toHaveCount(2);
    await results.getByRole('button', { name: 'Ablation matrix table 5' }).first().click();

    const view = results.getByTestId('ablation-view');
    const rows = view.getByTestId('ablation-row');
    await expect(rows).toHaveCount(2);
    // Same data, protocol and fold: nothing but the model differs, so no warning.
    await expect(view.getByTestId('confounder-warning')).toHaveCount(0);
    await expect(rows.getByTestId('ablation-row-number')).toHaveText(['1', '6']);
    await expect(rows.nth(0)).toContainText('baseline');
    await expect(rows.nth(1)).toContainText('full model');
    for (const id of ['switch-dao', 'switch-divergence', 'switch-decoupling']) {
      await expect(rows.nth(0).getByTestId(id)).toHaveText('—');
      await expect(rows.nth(1).getByTestId(id)).toHaveText('✓');
    }
    await expect(rows.getByTestId('ablation-accuracy')).toHaveText([one, six].map((r) => `${(r.pooled.accuracy! * 100).toFixed(1)} %`));
    // Row 6 against row 1, in percentage points; row 1 against itself is 0.
    await expect(rows.nth(0).getByTestId('delta-accuracy')).toHaveText('0.0 pp');
    await expect(rows.nth(1).getByTestId('delta-accuracy')).toHaveText(points(six, one));
    // Against the previous row, the first row has nothing to compare with.
    await view.getByRole('button', { name: 'Δ vs previous row' }).click();
    await expect(rows.nth(0).getByTestId('delta-accuracy')).toHaveText('');
    await expect(rows.nth(1).getByTestId('delta-accuracy')).toHaveText(points(six, one));

    // Side by side: tick both runs; the comparison has a column per run, in the order ticked.
    await results.getByRole('checkbox', { name: `Compare baseline (#${one.id})` }).check();
    await results.getByRole('checkbox', { name: `Compare full model (#${six.id})` }).check();
    await results.getByRole('tab', { name: 'Compare (2)' }).click();
    const compared = results.getByRole('table', { name: 'Runs compared' });
    await expect(compared.getByRole('columnheader')).toHaveText(['', `baseline #${one.id}`, `full model #${six.id}`]);
    await expect(compared.getByRole('row', { name: /^IDNet \+ MINE/ }).getByRole('cell')).toHaveText(['—', 'yes']);
    await expect(compared.getByRole('row', { name: /^F1 happiness/ })).toBeVisible();
  } finally {
    await api.dispose();
    rmSync(scratch, { recursive: true, force: true });
  }
});
