import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createProject, openApp } from './library-steps';
import { expect, test } from './media-fixtures';
import { apiClient, expectConsistent, expectFrame, importByApi, importVideoThroughUi, openClipOnLabelPage, readScreen } from './scrubber-steps';

test.describe('Scrubber', () => {
  test('every step shows the frame whose number it displays', async ({ page, server, media }) => {
    const previews: { url: string; status: number }[] = [];
    page.on('response', (response) => {
      if (response.url().includes('/previews/')) previews.push({ url: response.url(), status: response.status() });
    });
    await openApp(page, server.url);
    await createProject(page, 'Frame exactness');
    const outcome = await importVideoThroughUi(page, media.clip);
    expect(outcome).toContain('Imported “clip”: 120 frames from frame 0, 256×256 at 50/1 fps');

    await page.getByRole('link', { name: 'Open clip in the Label page' }).click();
    await expect(page).toHaveURL(/#\/label\/\d+$/);
    await expectFrame(page, 0);
    await expect(page.getByTestId('frame-time')).toHaveText('0.000 s · 0.0 ms');
    // The timeline's previews come ten to a sheet: a few requests, every one served.
    await expect.poll(() => previews.length).toBeGreaterThan(0);
    for (const { url, status } of previews) {
      expect(url).toMatch(/\/previews\/sheet-\d+\.jpg$/);
      expect(status, url).toBe(200);
    }

    for (let n = 1; n <= 6; n++) {
      await page.keyboard.press('ArrowRight');
      await expectFrame(page, n);
    }
    await expect(page.getByTestId('frame-time')).toHaveText('0.120 s · 120.0 ms');
    await page.keyboard.press('Shift+ArrowRight');
    await expectFrame(page, 16);
    await page.keyboard.press('Shift+ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    await expectFrame(page, 5);
    await page.keyboard.press('End');
    await expectFrame(page, 119);
    await page.keyboard.press('ArrowRight');
    await expectFrame(page, 119);
    await page.keyboard.press('Home');
    await expectFrame(page, 0);

    await page.keyboard.press('g');
    await expect(page.getByLabel('Go to frame')).toBeFocused();
    await page.keyboard.type('77');
    await page.keyboard.press('Enter');
    await expectFrame(page, 77);
    await page.keyboard.press('g');
    await page.keyboard.type('20');
    await page.keyboard.press('Enter');
    await expectFrame(page, 20);

    // Faster than frames can load: whatever is on screen at any moment is consistent.
    for (let i = 0; i < 25; i++) {
      await page.keyboard.press(i % 5 === 4 ? 'Shift+ArrowRight' : 'ArrowRight');
      await expectConsistent(page);
    }
    await expectFrame(page, 20 + 20 + 5 * 10);
  });

  test('playback at 1/4 speed stays frame-exact and stops with K', async ({ page, server, media, playwright }) => {
    await openClipOnLabelPage(page, playwright, server, media.clip, 'Playback');
    await page.getByLabel('Speed').click();
    await page.getByRole('option', { name: '1/4×' }).click();
    await expect(page.getByRole('listbox')).toBeHidden();
    // Every number the page shows while it plays, recorded in the page (polling from here misses
    // frames when the machine is loaded).
    await page.getByTestId('frame-number').evaluate((label) => {
      type Observer = new (callback: () => void) => { observe(target: unknown, options: object): void };
      const inPage = globalThis as unknown as { framesShown: string[]; MutationObserver: Observer };
      const shown: string[] = (inPage.framesShown = []);
      new inPage.MutationObserver(() => shown.push(label.textContent ?? '')).observe(label, { childList: true, characterData: true, subtree: true });
    });
    const started = Date.now();
    await page.keyboard.press('l');
    await expect(page.getByTestId('playback-state')).toHaveText('▶ playing');
    await expect.poll(async () => Number((await expectConsistent(page)).number), { intervals: [30] }).toBeGreaterThanOrEqual(20);
    // 20 frames at 50 fps × 1/4 take 1.6 s: never less (a loaded machine may take longer).
    expect(Date.now() - started).toBeGreaterThanOrEqual(1500);
    await page.keyboard.press('k');
    await expect(page.getByTestId('playback-state')).toHaveText('paused');
    const stopped = await expectConsistent(page);
    expect(Number(stopped.number)).toBeGreaterThanOrEqual(20);
    // It played through the frames in order, not in a jump.
    const shown = (await page.evaluate(() => (globalThis as unknown as { framesShown: string[] }).framesShown)).map(Number);
    expect(new Set(shown).size).toBeGreaterThan(4);
    expect(shown).toEqual([...shown].sort((a, b) => a - b));
    // Paused means paused.
    await expect(page.getByTestId('frame-number')).toHaveText(stopped.number);
    await page.keyboard.press('ArrowRight');
    await expectFrame(page, Number(stopped.number) + 1);
  });

  test('an image sequence keeps its camera frame numbers and shows a gap as missing', async ({ page, server, media, playwright }) => {
    const api = await apiClient(playwright, server);
    const project = await api.call<{ id: number }>('projects.create', { name: 'Sequence' });
    const id = await importByApi(api, project.id, 'recordings.import-images', { dir: media.images, fps: 50 });
    await api.dispose();

    await openApp(page, `${server.url}#/label/${id}`);
    await expectFrame(page, 46);
    for (const n of [47, 48, 49]) {
      await page.keyboard.press('ArrowRight');
      await expectFrame(page, n);
    }
    await page.keyboard.press('ArrowRight');
    await expect(page.getByTestId('frame-number')).toHaveText('50');
    await expect(page.getByTestId('frame-missing')).toHaveText('Frame 50 is missing in the source');
    await expect(page.getByTestId('frame-canvas')).toHaveAttribute('data-mode', 'none');
    await page.keyboard.press('ArrowRight');
    await expectFrame(page, 51);
    await expect(page.getByTestId('frame-missing')).toHaveCount(0);
    await page.keyboard.press('End');
    await expectFrame(page, 60);
    await expect(page.getByTestId('frame-time')).toHaveText('0.280 s · 280.0 ms');
  });

  test('the difference view shows |current − reference| amplified', async ({ page, server, media, playwright }) => {
    const api = await apiClient(playwright, server);
    const project = await api.call<{ id: number }>('projects.create', { name: 'Difference' });
    const id = await importByApi(api, project.id, 'recordings.import-video', { path: media.clip, frameFormat: 'png' });
    await api.dispose();

    await openApp(page, `${server.url}#/label/${id}`);
    await expectFrame(page, 0);
    await page.keyboard.press('g');
    await page.keyboard.type('37');
    await page.keyboard.press('Enter');
    await expectFrame(page, 37);

    // Reference: the previous frame. Blocks that differ between 36 and 37 light up, the rest is black.
    await page.getByLabel('Reference frame').click();
    await page.getByRole('option', { name: 'Previous frame' }).click();
    await expect(page.getByRole('listbox')).toBeHidden();
    await page.keyboard.press('d');
    await expect(page.getByTestId('frame-canvas')).toHaveAttribute('data-mode', 'difference');
    await expect(page.getByTestId('difference-label')).toHaveText('|37 − 36| × 5');
    expect(await readScreen(page)).toEqual({ number: '37', mode: 'difference', decoded: 37 ^ 36 });
    await page.keyboard.press('ArrowRight');
    await expect(page.getByTestId('difference-label')).toHaveText('|38 − 37| × 5');
    expect(await readScreen(page)).toEqual({ number: '38', mode: 'difference', decoded: 38 ^ 37 });

    // Reference: the loop's in-point.
    await page.keyboard.press('Home');
    await page.keyboard.press('i');
    await expect(page.getByTestId('loop-label')).toHaveText('in 0 · out —');
    await page.getByLabel('Reference frame').click();
    await page.getByRole('option', { name: /Loop in-point/ }).click();
    await expect(page.getByRole('listbox')).toBeHidden();
    await page.keyboard.press('End');
    await expect(page.getByTestId('difference-label')).toHaveText('|119 − 0| × 5');
    expect(await readScreen(page)).toEqual({ number: '119', mode: 'difference', decoded: 119 });

    await page.keyboard.press('d');
    await expectFrame(page, 119);
  });

  test('the face box is drawn in frame pixels and is still there after a reload', async ({ page, server, media, playwright }) => {
    await openClipOnLabelPage(page, playwright, server, media.clip, 'Faces');
    await expect(page.getByTestId('face-box-saved')).toHaveText('none');
    // Zoomed in, so screen pixels are not frame pixels.
    await page.keyboard.press('+');
    await page.keyboard.press('b');
    const canvas = await page.getByTestId('frame-canvas').boundingBox();
    if (!canvas) throw new Error('no canvas');
    const at = (fx: number, fy: number) => ({ x: canvas.x + (fx / 256) * canvas.width, y: canvas.y + (fy / 256) * canvas.height });
    const from = at(64.5, 80.5);
    const to = at(191.5, 207.5);
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    await page.mouse.move(to.x, to.y, { steps: 8 });
    await page.mouse.up();
    await expect(page.getByTestId('face-box-drawn')).toHaveText(/^12[78]×12[78] at \(64, 80\)$/);
    await page.getByRole('button', { name: 'Save face box' }).click();
    await expect(page.getByTestId('face-box-saved')).toHaveText(/^12[78]×12[78] at \(64, 80\)$/);
    const saved = await page.getByTestId('face-box-saved').textContent();

    await page.reload();
    await expectFrame(page, 0);
    await expect(page.getByTestId('face-box-saved')).toHaveText(saved ?? '');
    await expect(page.getByTestId('face-box')).toHaveAttribute('x', '64');
    await expect(page.getByTestId('face-box')).toHaveAttribute('y', '80');

    await page.getByRole('button', { name: 'Clear face box' }).click();
    await expect(page.getByTestId('face-box-saved')).toHaveText('none');
    await expect(page.getByTestId('face-box')).toHaveCount(0);
  });

  test('the face detector proposes a box on the frame shown, which is saved like a drawn one', async ({ page, server, playwright }) => {
    // Two seconds of a real portrait (512x600): the detector looks at the frame on screen.
    const clip = path.join(mkdtempSync(path.join(os.tmpdir(), 'mer-portrait-')), 'portrait.mp4');
    execFileSync('ffmpeg', ['-v', 'error', '-y', '-loop', '1', '-i', path.resolve(__dirname, '../../../shared/fixtures/faces/grace_hopper.jpg'), '-t', '2', '-r', '50', '-c:v', 'libx264', '-pix_fmt', 'yuv420p', clip]);
    const api = await apiClient(playwright, server);
    const project = await api.call<{ id: number }>('projects.create', { name: 'Portrait' });
    const id = await importByApi(api, project.id, 'recordings.import-video', { path: clip });
    await api.dispose();
    await openApp(page, `${server.url}#/label/${id}`);
    await expect(page.getByTestId('frame-number')).toHaveText('0');
    await page.keyboard.press('Shift+ArrowRight');
    await expect(page.getByTestId('frame-number')).toHaveText('10');

    await page.getByRole('button', { name: 'Detect face' }).click();
    await expect(page.getByTestId('face-detection')).toHaveText(/^Detector: Face on frame 10, \d+ % sure$/);
    const proposed = page.getByTestId('face-box-drawn');
    await expect(proposed).toHaveText(/^\d+×\d+ at \(\d+, \d+\)$/);
    await expect(page.getByText('Detected', { exact: true })).toBeVisible();
    await expect(page.getByTestId('face-box-draft')).toBeVisible();
    // Around her face, as a person would draw it (about 285 px square at (117, 90)).
    const [w, h, x, y] = ((await proposed.textContent()) ?? '').match(/\d+/g)!.map(Number);
    expect(Math.abs(w! - 285)).toBeLessThan(40);
    expect(Math.abs(h! - 284)).toBeLessThan(40);
    expect(Math.abs(x! - 117)).toBeLessThan(30);
    expect(Math.abs(y! - 90)).toBeLessThan(30);

    await page.getByRole('button', { name: 'Save face box' }).click();
    await expect(page.getByTestId('face-box-saved')).toHaveText(`${w}×${h} at (${x}, ${y})`);
    await expect(page.getByTestId('face-box')).toHaveAttribute('x', String(x));
  });

  test('? opens the shortcut sheet', async ({ page, server, media, playwright }) => {
    await openClipOnLabelPage(page, playwright, server, media.clip, 'Keys');
    await page.keyboard.press('?');
    const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await expect(sheet).toContainText('Play forward; again: faster');
    // Keys belong to the sheet while it is open.
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Escape');
    await expect(sheet).toBeHidden();
    await expectFrame(page, 0);
  });
});
