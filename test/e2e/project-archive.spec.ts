import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openApp, openFolder } from './library-steps';
import { expect, test } from './media-fixtures';
import { apiClient, importByApi } from './scrubber-steps';

test('a project exported as an archive from the Library comes back through “Import project archive…”', async ({ page, server, playwright, media }) => {
  test.setTimeout(60_000);
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'mer-e2e-archive-'));
  const api = await apiClient(playwright, server);
  try {
    const project = await api.call<{ id: number }>('projects.create', { name: 'Archive lab' });
    const coder = await api.call<{ id: number }>('annotators.create', { name: 'Ana' });
    const subject = await api.call<{ id: number }>('subjects.create', { projectId: project.id, code: 'S01' });
    const recordingId = await importByApi(api, project.id, 'recordings.import-images', { dir: media.images, fps: 50, subjectId: subject.id });
    await api.call('events.create', { recordingId, annotatorId: coder.id, onset: 47, apex: 49, offset: 52, emotion: 'happiness', aus: '12' });

    await openApp(page, server.url);
    await expect(page.getByTestId('selected-project-name')).toHaveText('Archive lab');
    await page.getByRole('button', { name: 'More actions for “Archive lab”' }).click();
    await page.getByRole('menuitem', { name: 'Export as archive…' }).click();
    const exporting = page.getByRole('dialog', { name: 'Export “Archive lab” as an archive' });
    await openFolder(exporting, scratch);
    await expect(exporting.getByTestId('file-browser-summary')).toHaveText('This folder is empty');
    const archive = path.join(scratch, 'Archive lab.merproj');
    await expect(exporting.getByTestId('archive-destination')).toHaveText(archive);
    await exporting.getByRole('button', { name: 'Export', exact: true }).click();
    await expect(exporting.getByTestId('archive-outcome')).toHaveText(/^Saved .*Archive lab\.merproj \(\d+\.\d MB\)$/, { timeout: 30_000 });
    expect(readdirSync(scratch)).toEqual(['Archive lab.merproj']);
    await exporting.getByRole('button', { name: 'Close' }).click();

    // A second window, to see the imported project appear there too without a reload.
    const other = await page.context().newPage();
    await openApp(other, server.url);
    await expect(other.getByTestId('selected-project-name')).toHaveText('Archive lab');

    await page.getByRole('button', { name: 'More project actions' }).click();
    await page.getByRole('menuitem', { name: 'Import project archive…' }).click();
    const importing = page.getByRole('dialog', { name: 'Import project archive' });
    await expect(importing.getByRole('button', { name: 'Import', exact: true })).toBeDisabled();
    await openFolder(importing, scratch);
    await expect(importing.getByTestId('file-browser-summary')).toHaveText('1 project archive here: pick one');
    await importing.getByRole('button', { name: 'File Archive lab.merproj' }).click();
    await expect(importing.getByTestId('archive-chosen')).toHaveText(archive);
    await importing.getByRole('button', { name: 'Import', exact: true }).click();
    await expect(importing.getByTestId('archive-outcome')).toHaveText('Imported as the project “Archive lab (2)” (the archive’s name “Archive lab” was taken)', { timeout: 30_000 });
    await importing.getByRole('button', { name: 'Close' }).click();
    await expect(other.getByRole('list', { name: 'Projects' }).getByText('Archive lab (2)')).toBeVisible();

    // The copy is selected, with its subject, recording and event.
    await expect(page.getByTestId('selected-project-name')).toHaveText('Archive lab (2)');
    await expect(page.getByTestId('subject-row')).toHaveText(/S01/);
    const projects = await api.call<{ id: number; name: string }[]>('projects.list', {});
    const copy = projects.find((p) => p.name === 'Archive lab (2)')!;
    const [original] = await api.call<{ frameCount: number; mediaPath: string }[]>('recordings.list', { projectId: project.id });
    const [copied] = await api.call<{ frameCount: number; mediaPath: string }[]>('recordings.list', { projectId: copy.id });
    expect(copied!.frameCount).toBe(original!.frameCount);
    expect(copied!.mediaPath).not.toBe(original!.mediaPath);
    const events = await api.call<{ events: { onset: number; offset: number; aus: string; annotatorName: string }[] }>('events.list', { projectId: copy.id });
    expect(events.events).toMatchObject([{ onset: 47, offset: 52, aus: '12', annotatorName: 'Ana' }]);
  } finally {
    await api.dispose();
    rmSync(scratch, { recursive: true, force: true });
  }
});
