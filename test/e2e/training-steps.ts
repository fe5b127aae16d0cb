import type { APIRequestContext, Page } from '@playwright/test';
import type { RunningServer } from './server-process';
import { openApp } from './library-steps';
import { apiClient } from './scrubber-steps';
import { expect } from './fixtures';

/** The small demo project (3 subjects, 6 events), made through the API: the specs are about training, not the demo. */
export async function createDemo(playwright: { request: { newContext: (o: object) => Promise<APIRequestContext> } }, server: RunningServer): Promise<void> {
  const api = await apiClient(playwright, server);
  try {
    const job = await api.call<{ id: number }>('jobs.start', { kind: 'demo.create', params: { scale: 'small' } });
    const done = await api.call<{ status: string; error: string | null }>('jobs.wait', { id: job.id, timeoutMs: 60_000 });
    if (done.status !== 'succeeded') throw new Error(`demo ${done.status}: ${done.error}`);
  } finally {
    await api.dispose();
  }
}

export async function openTrainPage(page: Page, url: string): Promise<void> {
  await openApp(page, url);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Train' }).click();
  await expect(page.getByTestId('training-wizard')).toBeVisible();
}

export const wizard = (page: Page) => page.getByTestId('training-wizard');

export async function goToStep(page: Page, label: string): Promise<void> {
  await wizard(page).getByRole('tab', { name: label, exact: true }).click();
  await expect(wizard(page).getByRole('group', { name: `${label} step` })).toBeVisible();
}

/** Quick check, leave one subject out, and the given epochs per stage, through the wizard; then Launch. */
export async function launchQuickLoso(page: Page, epochs: [number, number, number, number], options: { probe?: boolean } = {}): Promise<void> {
  await wizard(page).getByRole('button', { name: 'Quick check' }).click();
  await goToStep(page, 'Protocol');
  await wizard(page).getByRole('radio', { name: /^Leave one subject out/ }).check();
  await expect(wizard(page).getByTestId('training-folds')).toContainText('3 folds');
  await goToStep(page, 'Stages');
  for (const [i, n] of epochs.entries()) {
    const field = wizard(page).getByRole('textbox', { name: `Stage ${i + 1} epochs` });
    await expect(field).toHaveValue('1');
    await field.fill(String(n));
  }
  if (options.probe) {
    // What the run will cost, from a few timed steps on this machine's backend.
    await goToStep(page, 'Compute');
    await wizard(page).getByRole('button', { name: 'Measure the time per epoch' }).click();
    await expect(wizard(page).getByTestId('speed-probe-result')).toContainText(/stage 1 [\d.]+ s a step, .* an epoch; stage 2 .*The whole run: about/, { timeout: 60_000 });
  }
  await goToStep(page, 'Review');
  await expect(wizard(page).getByTestId('training-review')).toContainText('leave one subject out (3 folds)');
  await wizard(page).getByRole('button', { name: 'Launch', exact: true }).click();
  await expect(page.getByTestId('run-view')).toBeVisible({ timeout: 20_000 });
}

/** The run view's status chip. */
export const runStatus = (page: Page) => page.getByTestId('run-status');

/**
 * Makes consensus events through the API, as the Agreement page does: a second coder codes the
 * demo's events again and each pair is adjudicated. `pick(events)` chooses the events (sorted by
 * subject, then onset) to double-code; returns how many consensus events there are.
 */
export async function adjudicateDemoEvents(
  playwright: { request: { newContext: (o: object) => Promise<APIRequestContext> } },
  server: RunningServer,
  pick: (events: readonly DemoEvent[]) => DemoEvent[],
): Promise<number> {
  const api = await apiClient(playwright, server);
  try {
    const [project] = await api.call<{ id: number }[]>('projects.list', {});
    const { events } = await api.call<{ events: DemoEvent[] }>('events.list', { projectId: project!.id, limit: 1000 });
    const sorted = [...events].sort((a, b) => (a.subjectCode ?? '').localeCompare(b.subjectCode ?? '') || a.onset - b.onset);
    const second = await api.call<{ id: number }>('annotators.create', { name: 'Second coder' });
    const chosen = pick(sorted);
    for (const a of chosen) {
      const b = await api.call<{ id: number }>('events.create', { recordingId: a.recordingId, annotatorId: second.id, onset: a.onset, apex: a.apex, offset: a.offset, emotion: a.emotion });
      await api.call('events.adjudicate', { aId: a.id, bId: b.id, annotatorId: second.id, pick: { onset: 'a', apex: 'a', offset: 'b', emotion: 'a', aus: 'a' } });
    }
    return chosen.length;
  } finally {
    await api.dispose();
  }
}

export interface DemoEvent {
  id: number;
  recordingId: number;
  subjectCode: string | null;
  onset: number;
  apex: number | null;
  offset: number;
  emotion: string;
}

/** Exports the demo project's split through the API (the Export page's job) into `out`. */
export async function exportDemoSplit(playwright: { request: { newContext: (o: object) => Promise<APIRequestContext> } }, server: RunningServer, out: string, protocol = 'loso'): Promise<void> {
  const api = await apiClient(playwright, server);
  try {
    const [project] = await api.call<{ id: number }[]>('projects.list', {});
    const job = await api.call<{ id: number }>('jobs.start', { kind: 'datasets.export', params: { projectId: project!.id, protocol, out } });
    const done = await api.call<{ status: string; error: string | null }>('jobs.wait', { id: job.id, timeoutMs: 60_000 });
    if (done.status !== 'succeeded') throw new Error(`export ${done.status}: ${done.error}`);
  } finally {
    await api.dispose();
  }
}
