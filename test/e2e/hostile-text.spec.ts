import type { Page } from '@playwright/test';
import path from 'node:path';
import { casmeSheetRows, realCasmeRows, writeWorkbook } from '../datasets/sheet-files';
import { casmeTree, span } from '../datasets/tree';
import { openApp } from './library-steps';
import { expect, test } from './media-fixtures';
import { apiClient, openClipOnLabelPage } from './scrubber-steps';

/**
 * Text users and sheets supply is shown as text, never run: markup, script tags and
 * `javascript:` URLs stored in every field a page shows, then every page opened, with a trap for
 * anything that executes (window.__pwned, a dialog, a content-security-policy violation).
 */

const hostile = {
  img: '<img src=x onerror="window.__pwned=1">',
  script: '<script>window.__pwned=1</script>',
  svg: '"><svg onload=window.__pwned=1>',
  url: 'javascript:window.__pwned=1',
};

interface PageGlobals {
  __pwned?: unknown;
  __violations: string[];
  document: { addEventListener(type: 'securitypolicyviolation', listener: (e: { violatedDirective: string; blockedURI: string; sample: string }) => void): void };
}

/** Records what would betray executed markup, from before the page's own scripts run. */
async function setTrap(page: Page): Promise<{ dialogs: string[]; cspConsole: string[] }> {
  const trap = { dialogs: [] as string[], cspConsole: [] as string[] };
  page.on('dialog', (dialog) => {
    trap.dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) trap.cspConsole.push(message.text());
  });
  await page.addInitScript(() => {
    // The page's globals, typed here: this project's node tsconfig has no DOM library.
    const page = globalThis as unknown as PageGlobals;
    page.__violations = [];
    page.document.addEventListener('securitypolicyviolation', (e) => page.__violations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sample}`));
  });
  return trap;
}

async function expectNothingRan(page: Page, trap: { dialogs: string[]; cspConsole: string[] }): Promise<void> {
  expect(await page.evaluate(() => (globalThis as unknown as PageGlobals).__pwned)).toBeUndefined();
  expect(await page.evaluate(() => (globalThis as unknown as PageGlobals).__violations)).toEqual([]);
  expect(trap.dialogs).toEqual([]);
  expect(trap.cspConsole).toEqual([]);
  // No element the strings spell was created.
  await expect(page.locator('img[src="x"], svg[onload], a[href^="javascript:"], script:not([src])')).toHaveCount(0);
}

test('hostile names, codes, notes, AUs and sheet cells are shown literally and never run', async ({ page, playwright, server, media }) => {
  test.setTimeout(120_000);
  const trap = await setTrap(page);
  const recordingId = await openClipOnLabelPage(page, playwright, server, media.clip, hostile.img);
  const api = await apiClient(playwright, server);
  const project = (await api.call<{ id: number; name: string }[]>('projects.list', {})).find((p) => p.name === hostile.img)!;
  await api.call('projects.update', { id: project.id, labelSet: ['happiness', 'surprise', 'disgust', hostile.svg] });
  const subject = await api.call<{ id: number }>('subjects.create', { projectId: project.id, code: hostile.script, notes: hostile.url });
  await api.call('recordings.update', { id: recordingId, subjectId: subject.id, name: hostile.svg, stimulus: hostile.url });
  const coder = await api.call<{ id: number }>('annotators.create', { name: hostile.svg });
  await api.call('events.create', { recordingId, annotatorId: coder.id, onset: 10, apex: 12, offset: 20, emotion: hostile.svg, aus: "4+javascript's onload", notes: hostile.url });
  await api.call('events.create', { recordingId, annotatorId: coder.id, onset: 30, apex: null, offset: 40, emotion: 'happiness', aus: 'R14A or 17A', notes: `${hostile.script}\n${hostile.img}` });

  // Markup in an AU cell is refused by the editor as unreadable, but a sheet's is kept verbatim:
  // a CASME II sheet whose cells carry the strings, imported into the project.
  const rows = realCasmeRows([['01', 'EP02_01f']]).map((r) => ({ ...r, aus: `12+${hostile.svg}`, emotion: hostile.script }));
  const root = casmeTree(path.join(media.dir, 'hostile-casme'), [{ subject: '01', clip: 'EP02_01f', frames: span(rows[0]!.onset, rows[0]!.offset) }]);
  const sheet = writeWorkbook(path.join(root, 'CASME2-coding-20140508.xlsx'), { Sheet1: [...casmeSheetRows(rows), [hostile.img, hostile.url, null, 1, 2, 3]] });
  const job = await api.call<{ id: number }>('jobs.start', { kind: 'datasets.import', params: { projectId: project.id, root, sheet } });
  expect(await api.call<{ status: string }>('jobs.wait', { id: job.id, timeoutMs: 60_000 })).toMatchObject({ status: 'succeeded', error: null });
  await api.dispose();

  // The Label page: the events' notes, AUs, emotions, coder and the recording's subject.
  await page.reload();
  await expect(page.getByText(hostile.url).filter({ visible: true }).first()).toBeVisible();
  for (const text of [hostile.svg, hostile.script]) await expect(page.getByText(text, { exact: false }).first()).toBeAttached();
  await expectNothingRan(page, trap);

  // The Library: project, subjects, recordings, events, and the saved import report with the sheet's cells.
  await openApp(page, server.url);
  const visible = (text: string) => page.getByText(text, { exact: true }).filter({ visible: true }).first();
  for (const text of [hostile.img, hostile.script, hostile.svg, hostile.url]) await expect(visible(text)).toBeVisible();
  await page.getByRole('button', { name: 'Import reports' }).click();
  const reports = page.getByRole('dialog', { name: /Import report/ });
  await reports.getByRole('button', { name: /^Open import report/ }).first().click();
  await expect(reports.getByText(hostile.script).first()).toBeVisible();
  await expect(reports.getByText(hostile.img).first()).toBeVisible();
  await expectNothingRan(page, trap);
  await page.keyboard.press('Escape');

  // Every other page that lists projects, subjects, labels or coders.
  for (const hash of ['#/label', '#/agreement', '#/train', '#/results', '#/export']) {
    await page.goto(`${server.baseUrl}/${hash}`);
    await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
    await page.waitForLoadState('networkidle');
    await expectNothingRan(page, trap);
  }
});
