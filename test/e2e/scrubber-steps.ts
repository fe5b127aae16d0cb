import type { APIRequestContext, Page } from '@playwright/test';
import path from 'node:path';
import { code, expect } from './media-fixtures';
import { openApp } from './library-steps';
import type { RunningServer } from './server-process';

/** Steps of the recordings and scrubber specs. */

/** Opens Import…, picks the backend folder by typing it, and waits for the dialog to list it. */
export async function openImport(page: Page, mode: 'Video files' | 'Image folder' | 'Session folder', dir: string) {
  await page.getByRole('button', { name: 'Import…' }).click();
  const dialog = page.getByRole('dialog', { name: /^Import into/ });
  await dialog.getByRole('button', { name: mode }).click();
  const field = dialog.getByLabel('Folder on the backend machine');
  await field.fill(dir);
  await field.press('Enter');
  await expect(field).toHaveValue(dir);
  return dialog;
}

/** Imports one video through the dialog and returns the outcome line. */
export async function importVideoThroughUi(page: Page, file: string, options: { subject?: string } = {}) {
  const dialog = await openImport(page, 'Video files', path.dirname(file));
  await dialog.getByRole('button', { name: `File ${path.basename(file)}` }).click();
  await expect(dialog.getByTestId('probe-row')).toHaveCount(1);
  await expect(dialog.getByTestId('probe-fps')).toHaveText('50');
  await expect(dialog.getByTestId('probe-frames')).toHaveText('120');
  if (options.subject) {
    await dialog.getByLabel('Subject').click();
    await page.getByRole('option', { name: options.subject, exact: true }).click();
  }
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  const outcome = dialog.getByTestId('import-outcome');
  await expect(outcome).toBeVisible({ timeout: 30_000 });
  const text = (await outcome.textContent()) ?? '';
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();
  return text;
}

/** An API client for the test's server (as another program on the lab network would call it). */
export async function apiClient(playwright: { request: { newContext: (o: object) => Promise<APIRequestContext> } }, server: RunningServer) {
  const request = await playwright.request.newContext({ baseURL: server.baseUrl, extraHTTPHeaders: { authorization: `Bearer ${server.token}` } });
  const call = async <T>(method: string, args: object): Promise<T> => {
    const response = await request.post(`/api/${method}`, { data: args });
    const body = (await response.json()) as { result?: T; error?: { message: string } };
    if (!response.ok() || body.result === undefined) throw new Error(`${method}: ${body.error?.message ?? response.status()}`);
    return body.result;
  };
  return { call, dispose: () => request.dispose() };
}

/** Imports through the API (for specs about the scrubber, not the import) and returns the recording id. */
export async function importByApi(
  api: Awaited<ReturnType<typeof apiClient>>,
  projectId: number,
  kind: 'recordings.import-video' | 'recordings.import-images',
  params: object,
): Promise<number> {
  const job = await api.call<{ id: number }>('jobs.start', { kind, params: { projectId, ...params } });
  const done = await api.call<{ status: string; error: string | null; result: { recordingId: number } }>('jobs.wait', { id: job.id, timeoutMs: 60_000 });
  if (done.status !== 'succeeded') throw new Error(`import ${done.status}: ${done.error}`);
  return done.result.recordingId;
}

/** A new project with `clip` imported through the API, opened on the Label page at frame 0; returns the recording id. */
export async function openClipOnLabelPage(
  page: Page,
  playwright: Parameters<typeof apiClient>[0],
  server: RunningServer,
  clip: string,
  projectName: string,
): Promise<number> {
  const api = await apiClient(playwright, server);
  const project = await api.call<{ id: number }>('projects.create', { name: projectName });
  const id = await importByApi(api, project.id, 'recordings.import-video', { path: clip });
  await api.dispose();
  await openApp(page, `${server.url}#/label/${id}`);
  await expectFrame(page, 0);
  return id;
}

export interface Screen {
  /** The frame number the scrubber displays. */
  number: string;
  /** What the canvas holds: frame, difference or none. */
  mode: string;
  /** The number encoded in the blocks of the drawn pixels (or, in the difference view, their XOR pattern). */
  decoded: number;
}

/** The little of the DOM that `readScreen` uses (test code is type-checked without the DOM library). */
interface PageElement {
  textContent: string | null;
  dataset: Record<string, string | undefined>;
  getContext(kind: '2d'): { getImageData(x: number, y: number, w: number, h: number): { data: ArrayLike<number> } } | null;
}
interface PageGlobals {
  document: { querySelector(selector: string): PageElement | null };
}

/**
 * Reads the displayed frame number and decodes the blocks of the pixels on the canvas in the
 * same task, so the two are exactly what the user sees at one moment.
 */
export function readScreen(page: Page): Promise<Screen> {
  return page.evaluate((c) => {
    const { document } = globalThis as unknown as PageGlobals;
    const canvas = document.querySelector('[data-testid="frame-canvas"]');
    const number = document.querySelector('[data-testid="frame-number"]')?.textContent ?? '';
    if (!canvas) return { number, mode: 'absent', decoded: -1 };
    const ctx = canvas.getContext('2d');
    if (!ctx) return { number, mode: 'no context', decoded: -1 };
    let decoded = 0;
    for (let i = 0; i < c.bits; i++) {
      const x = c.left + i * c.pitch + c.size / 2 - 2;
      const y = c.top + c.size / 2 - 2;
      const { data } = ctx.getImageData(x, y, 4, 4);
      let sum = 0;
      for (let p = 0; p < data.length; p += 4) sum += ((data[p] ?? 0) + (data[p + 1] ?? 0) + (data[p + 2] ?? 0)) / 3;
      decoded = decoded * 2 + (sum / (data.length / 4) > 128 ? 1 : 0);
    }
    return { number, mode: canvas.dataset['mode'] ?? '', decoded };
  }, code);
}

/** Waits until the scrubber shows frame `n`, then checks that the pixels on screen are frame n. */
export async function expectFrame(page: Page, n: number): Promise<void> {
  await expect(page.getByTestId('frame-number')).toHaveText(String(n));
  const screen = await readScreen(page);
  expect(screen, `the image on screen when frame ${n} is displayed`).toEqual({ number: String(n), mode: 'frame', decoded: n });
}

/** Every reading of the screen: the number shown must be the frame drawn (or nothing drawn yet). */
export async function expectConsistent(page: Page): Promise<Screen> {
  const screen = await readScreen(page);
  if (screen.mode === 'frame') expect(screen.decoded, `frame ${screen.number} on screen`).toBe(Number(screen.number));
  return screen;
}
