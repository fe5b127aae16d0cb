import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openApp, openFolder } from './library-steps';
import { expect, test } from './media-fixtures';
import { apiClient, importByApi } from './scrubber-steps';

const labels = ['happiness', 'surprise', 'disgust', 'sadness', 'fear', 'anger'];
const subjects = ['S01', 'S02', 'S03', 'S04', 'S05', 'S06'];

/**
 * A small labelled project through the API: six subjects (a 5-fold subject-independent split
 * needs five), one 14-frame image sequence each (numbered apart, so no two are the same content),
 * two events each, and one more event without an apex (flagged) for the export to leave out.
 * S01's recording has a face box, inside which the frames are cropped.
 */
async function seedProject(api: Awaited<ReturnType<typeof apiClient>>, images: string, scratch: string) {
  const project = await api.call<{ id: number }>('projects.create', { name: 'Export lab' });
  const coder = await api.call<{ id: number }>('annotators.create', { name: 'Ana' });
  const frames = readdirSync(images).filter((f) => f.endsWith('.jpg')).sort();
  let flaggedId = 0;
  for (const [k, code] of subjects.entries()) {
    const subject = await api.call<{ id: number }>('subjects.create', { projectId: project.id, code });
    const dir = path.join(scratch, code);
    const first = (k + 1) * 100;
    mkdirSync(dir);
    frames.slice(0, 14).forEach((file, i) => copyFileSync(path.join(images, file), path.join(dir, `img${first + i}.jpg`)));
    const recordingId = await importByApi(api, project.id, 'recordings.import-images', { dir, fps: 50, subjectId: subject.id });
    const event = (onset: number, apex: number | null, emotion: string) =>
      api.call<{ id: number }>('events.create', { recordingId, annotatorId: coder.id, onset: first + onset, apex: apex === null ? null : first + apex, offset: first + onset + 3, emotion });
    await event(0, 1, labels[(2 * k) % 6]!);
    await event(5, 6, labels[(2 * k + 1) % 6]!);
    if (k === 0) {
      flaggedId = (await event(10, null, 'fear')).id;
      await api.call('recordings.setFaceBox', { id: recordingId, faceBox: { x: 64, y: 32, width: 128, height: 160 } });
    }
  }
  return { flaggedId };
}

interface Manifest {
  frameOptions: { crop: boolean; size: number | null; recordingsWithoutFaceBox: string[] };
  samples: { id: number; subject: string; cropped: boolean; frameSize: { width: number; height: number }; frames: string[] }[];
  folds: { train: number[]; validation: number[]; test: number[] }[];
}

test('a 5-fold export of a labelled project writes leak-free folds and shows what it did', async ({ page, server, playwright, media }) => {
  test.setTimeout(60_000);
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'mer-e2e-export-'));
  const api = await apiClient(playwright, server);
  try {
    const { flaggedId } = await seedProject(api, media.images, scratch);
    await openApp(page, server.url);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Export' }).click();
    const exportPage = page.getByTestId('export-page');
    await expect(exportPage.getByRole('combobox', { name: /^Project/ })).toHaveText('Export lab');

    // A subject-dependent split needs an explicit opt-in.
    const protocol = exportPage.getByRole('combobox', { name: /^Protocol/ });
    await protocol.click();
    await page.getByRole('option', { name: 'Subject-dependent k-fold' }).click();
    await expect(exportPage.getByTestId('subject-dependent-warning')).toContainText('not comparable');
    await exportPage.getByRole('button', { name: 'Export', exact: true }).click();
    await expect(exportPage.getByText('confirm that you want a subject-dependent split')).toBeVisible();
    await expect(exportPage.getByTestId('export-job')).toHaveCount(0);
    await protocol.click();
    await page.getByRole('option', { name: 'Subject-independent k-fold' }).click();
    await expect(exportPage.getByRole('textbox', { name: 'Folds' })).toHaveValue('5');

    await exportPage.getByLabel('Leave out flagged events').check();
    await openFolder(exportPage, scratch);
    await expect(exportPage.getByTestId('file-browser-summary')).toHaveText('6 items in this folder');
    await exportPage.getByLabel('New folder for the export').fill('split');
    const out = path.join(scratch, 'split');
    await expect(exportPage.getByTestId('export-destination')).toHaveText(out);

    // Frames cropped to the face box and resized; a size out of range is named at its field.
    await expect(exportPage.getByRole('textbox', { name: 'Resize to (px)' })).toHaveCount(0);
    await exportPage.getByLabel(/^Copy each sample’s frames/).check();
    await exportPage.getByLabel(/^Crop to the face box/).check();
    const size = exportPage.getByRole('textbox', { name: 'Resize to (px)' });
    await size.fill('8');
    await exportPage.getByRole('button', { name: 'Export', exact: true }).click();
    await expect(exportPage.getByText('must be 16 to 2048 pixels')).toBeVisible();
    await expect(exportPage.getByTestId('export-job')).toHaveCount(0);
    await size.fill('32');
    await exportPage.getByRole('button', { name: 'Export', exact: true }).click();

    const summary = exportPage.getByTestId('export-summary');
    await expect(summary).toBeVisible({ timeout: 30_000 });
    await expect(exportPage.getByTestId('export-job')).toContainText('Succeeded');
    await expect(summary.getByTestId('export-dir')).toHaveText(out);
    await expect(summary.getByTestId('export-folds')).toHaveText('5');
    await expect(summary.getByTestId('export-samples')).toHaveText('12');
    await expect(summary.getByTestId('export-subjects')).toHaveText('6');
    await expect(summary.getByTestId('export-leaks')).toHaveText('0');
    await expect(summary.getByTestId('export-frames')).toHaveText('48');
    const dropped = summary.getByTestId('export-dropped').getByRole('row').nth(1);
    await expect(dropped).toContainText('flagged: apex-missing');
    await expect(dropped).toContainText(`#${flaggedId}`);

    // On disk: the manifest parses, has five folds, and no subject is on both sides of any fold.
    const manifest = JSON.parse(readFileSync(path.join(out, 'manifest.json'), 'utf8')) as Manifest;
    expect(manifest.folds).toHaveLength(5);
    const subjectOf = new Map(manifest.samples.map((s) => [s.id, s.subject]));
    for (const fold of manifest.folds) {
      const test = new Set(fold.test.map((id) => subjectOf.get(id)));
      const train = new Set([...fold.train, ...fold.validation].map((id) => subjectOf.get(id)));
      expect(fold.test.length).toBeGreaterThan(0);
      expect([...test].filter((s) => train.has(s))).toEqual([]);
    }
    expect(manifest.samples.map((s) => s.id)).not.toContain(flaggedId);
    expect(readdirSync(path.join(out, 'folds'))).toContain('fold_5_test.csv');
    expect(manifest.frameOptions).toMatchObject({ crop: true, size: 32 });
    expect(manifest.frameOptions.recordingsWithoutFaceBox).toHaveLength(5);
    expect(manifest.samples.filter((s) => s.cropped).map((s) => s.subject)).toEqual(['S01', 'S01']);
    for (const sample of manifest.samples) {
      expect(sample.frameSize).toEqual({ width: 32, height: 32 });
      expect(sample.frames[0]).toMatch(/\.jpg$/);
      expect(existsSync(path.join(out, sample.frames.at(-1)!))).toBe(true);
    }
  } finally {
    await api.dispose();
    rmSync(scratch, { recursive: true, force: true });
  }
});
