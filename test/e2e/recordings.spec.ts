import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { addSubject, createProject, openApp } from './library-steps';
import { expect, test } from './media-fixtures';
import { apiClient, importByApi, importVideoThroughUi, openImport } from './scrubber-steps';

function recordingRow(page: import('@playwright/test').Page, name: string) {
  return page.getByTestId('recording-row').filter({ has: page.getByText(name, { exact: true }) });
}

test.describe('Recordings', () => {
  test('a video is probed, imported, listed, given a subject, and a second import is a no-op', async ({ page, server, media }) => {
    await openApp(page, server.url);
    await createProject(page, 'Imports');
    await addSubject(page, 'sub01');
    await expect(page.getByText('No recordings yet.')).toBeVisible();

    const outcome = await importVideoThroughUi(page, media.clip);
    expect(outcome).toMatch(/^Imported “clip”: 120 frames from frame 0, 256×256 at 50\/1 fps$/);
    const row = recordingRow(page, 'clip');
    await expect(row).toHaveCount(1);
    for (const fact of ['h264 · JPG frames', '256×256', '2.40 s']) await expect(row).toContainText(fact);
    await expect(row.getByRole('cell', { name: '50', exact: true })).toBeVisible();
    await expect(row.getByRole('cell', { name: '120', exact: true })).toBeVisible();
    await expect(page.getByTestId('recordings-count')).toHaveText('1 · 120 frames');

    await row.getByLabel('Subject of clip').selectOption({ label: 'sub01' });
    await expect(row.getByLabel('Subject of clip')).toBeEnabled();
    await page.reload();
    await expect(recordingRow(page, 'clip').getByLabel('Subject of clip')).toHaveValue(/\d+/);
    await expect(recordingRow(page, 'clip').getByLabel('Subject of clip').locator('option:checked')).toHaveText('sub01');

    // The same content again: reported, nothing new.
    const again = await importVideoThroughUi(page, media.clip);
    expect(again).toContain('Already imported as “clip”');
    expect(again).toContain('nothing was imported');
    await expect(page.getByTestId('recording-row')).toHaveCount(1);

    // The import shows in the Jobs panel too.
    await page.getByRole('button', { name: 'Jobs', exact: true }).click();
    const jobs = page.getByTestId('jobs-panel').getByRole('listitem', { name: /Video import/ });
    await expect(jobs).toHaveCount(2);
    await expect(jobs.first()).toHaveAttribute('data-status', 'succeeded');
  });

  test('an image folder keeps its first frame number and its gap is reported before and after', async ({ page, server, media }) => {
    await openApp(page, server.url);
    await createProject(page, 'Sequences');
    const dialog = await openImport(page, 'Image folder', media.images);
    await expect(dialog.getByTestId('file-browser-summary')).toHaveText('14 image files in this folder');
    await expect(dialog.getByTestId('scan-frames')).toHaveText('14 images, numbered 46 to 60');
    await expect(dialog.getByTestId('scan-gaps')).toContainText('1 frame number is missing: 50.');
    await dialog.getByLabel('Stimulus').fill('EP02_01f');
    await dialog.getByRole('button', { name: 'Import', exact: true }).click();
    await expect(dialog.getByTestId('import-outcome')).toHaveText(
      'Imported “sequence”: 14 frames from frame 46, 256×256 at 50/1 fps (1 missing frame number)',
      { timeout: 30_000 },
    );
    await dialog.getByRole('button', { name: 'Close' }).click();

    const row = recordingRow(page, 'sequence');
    await expect(row).toContainText('EP02_01f');
    await expect(row).toContainText('1 missing');
    await expect(row).toContainText('images · JPG frames');
  });

  test('a session folder becomes one recording per video, named by stimulus', async ({ page, server, media }) => {
    await openApp(page, server.url);
    await createProject(page, 'Sessions');
    await addSubject(page, 'S07');
    const dialog = await openImport(page, 'Session folder', media.session);
    await expect(dialog.getByTestId('probe-row')).toHaveCount(2);
    await expect(dialog.getByLabel('Stimulus of anger1.mp4')).toHaveValue('anger1');
    await expect(dialog.getByTestId('probe-frames')).toHaveText(['30', '20']);
    await dialog.getByLabel('Subject').click();
    await page.getByRole('option', { name: 'S07', exact: true }).click();
    await dialog.getByLabel('Operator').fill('J. Doe');
    await dialog.getByRole('button', { name: 'Import', exact: true }).click();
    await expect(dialog.getByTestId('import-outcome')).toHaveText(/^Imported 2 recordings \(50 frames\) as session #\d+$/, { timeout: 30_000 });
    await dialog.getByRole('button', { name: 'Close' }).click();

    await expect(page.getByTestId('recording-row')).toHaveCount(2);
    for (const stimulus of ['anger1', 'happy2']) {
      const row = page.getByTestId('recording-row').filter({ hasText: stimulus });
      await expect(row.getByLabel(/^Subject of/).locator('option:checked')).toHaveText('S07');
    }
  });

  test('a recording can be renamed, opened and deleted after confirmation', async ({ page, server, media }) => {
    await openApp(page, server.url);
    await createProject(page, 'Edits');
    await importVideoThroughUi(page, media.clip);

    await page.getByRole('button', { name: 'Edit recording clip' }).click();
    const edit = page.getByRole('dialog', { name: 'Edit recording "clip"' });
    await edit.getByLabel('Name').fill('EP01_take2');
    await edit.getByLabel('Stimulus').fill('disgust3');
    await edit.getByRole('button', { name: 'Save' }).click();
    await expect(edit).toBeHidden();
    const row = recordingRow(page, 'EP01_take2');
    await expect(row).toContainText('disgust3');

    await row.getByRole('link', { name: 'Open EP01_take2 in the Label page' }).click();
    await expect(page.getByTestId('recording-name')).toHaveText('EP01_take2');
    await page.getByRole('link', { name: 'Library' }).first().click();

    await page.getByRole('button', { name: 'Delete recording EP01_take2' }).click();
    const confirm = page.getByRole('dialog', { name: 'Delete recording "EP01_take2"?' });
    await expect(confirm).toContainText('120 stored frames');
    await confirm.getByRole('button', { name: 'Delete recording' }).click();
    await expect(confirm).toBeHidden();
    await expect(page.getByText('No recordings yet.')).toBeVisible();
  });

  test('the file browser walks the backend machine’s folders', async ({ page, server, media }) => {
    await openApp(page, server.url);
    await createProject(page, 'Browse');
    const dialog = await openImport(page, 'Video files', media.dir);
    await dialog.getByRole('button', { name: 'Folder clips' }).click();
    await expect(dialog.getByLabel('Folder on the backend machine')).toHaveValue(path.join(media.dir, 'clips'));
    await expect(dialog.getByTestId('file-browser-summary')).toHaveText('1 video here: tick the ones to import');
    await dialog.getByRole('button', { name: 'Parent folder' }).click();
    await expect(dialog.getByLabel('Folder on the backend machine')).toHaveValue(media.dir);
    await dialog.getByLabel('Folder on the backend machine').fill('/no/such/folder');
    await dialog.getByLabel('Folder on the backend machine').press('Enter');
    await expect(dialog.getByRole('alert')).toHaveText('/no/such/folder does not exist or cannot be read');
  });

  test('face boxes are detected for every recording without one, and a faceless one is named', async ({ page, server, playwright }) => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'mer-faces-'));
    const clip = (name: string, input: string[]) => {
      const file = path.join(dir, `${name}.mp4`);
      execFileSync('ffmpeg', ['-v', 'error', '-y', ...input, '-t', '1', '-r', '50', '-c:v', 'libx264', '-pix_fmt', 'yuv420p', file]);
      return file;
    };
    const portrait = clip('portrait', ['-loop', '1', '-i', path.resolve(__dirname, '../../../shared/fixtures/faces/grace_hopper.jpg')]);
    const wall = clip('wall', ['-f', 'lavfi', '-i', 'color=c=0x808080:s=512x600:r=50']);
    await openApp(page, server.url);
    await createProject(page, 'Boxes');
    const api = await apiClient(playwright, server);
    const project = (await api.call<{ id: number; name: string }[]>('projects.list', {})).find((p) => p.name === 'Boxes')!;
    for (const file of [portrait, wall]) await importByApi(api, project.id, 'recordings.import-video', { path: file });
    await api.dispose();
    await expect(page.getByTestId('recording-row')).toHaveCount(2);
    await expect(recordingRow(page, 'portrait')).toContainText('no face box');

    await page.getByRole('button', { name: 'Detect face boxes' }).click();
    await expect(page.getByTestId('detect-faces-outcome')).toHaveText('Face boxes for 1 of 2 recordings; no face found in 1: wall. Draw those on the Label page.');
    await expect(recordingRow(page, 'portrait')).toContainText('· face box');
    await expect(recordingRow(page, 'wall')).toContainText('no face box');
    // Only the faceless one is left to do.
    await expect(page.getByRole('button', { name: 'Detect face boxes' })).toBeEnabled();
  });
});
