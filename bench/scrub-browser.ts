import { chromium } from 'playwright-core';
import type { Recording } from '../src/shared/api/recordings';

const chromiumArgs = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/**
 * Opens the recording in the real scrubber (Debian Chromium) and presses → once per display
 * frame (1/60 s), recording the frame number shown after each press: the time to step `steps`
 * frames, and whether any number was skipped or shown out of order.
 */
export async function stepInBrowser(url: string, recording: Recording, steps: number): Promise<string> {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: chromiumArgs });
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await page.goto(url);
    await page.goto(`${new URL(url).origin}/#/label/${recording.id}`);
    const number = page.getByTestId('frame-number');
    await number.waitFor();
    await page.waitForFunction(`document.querySelector('[data-testid="frame-loading"]') === null`);
    // A script string: the bench runs under tsx, whose helpers do not exist in the page.
    const shown = (await page.evaluate(`(async () => {
      const read = () => Number((document.querySelector('[data-testid="frame-number"]')?.textContent ?? '').replace(/\\D+/g, ''));
      const seen = [];
      for (let i = 0; i < ${steps}; i++) {
        window.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }));
        await new Promise((resolve) => setTimeout(resolve, 1000 / 60));
        await new Promise((resolve) => requestAnimationFrame(resolve));
        seen.push(read());
      }
      return seen;
    })()`)) as number[];
    const t0 = Date.now();
    await page.waitForFunction(`Number((document.querySelector('[data-testid="frame-number"]')?.textContent ?? '').replace(/\\D+/g, '')) === ${recording.firstFrame + steps}`);
    const settle = Date.now() - t0;
    const distinct = new Set(shown).size;
    const backwards = shown.filter((n, i) => i > 0 && n < shown[i - 1]!).length;
    const jumps = shown.filter((n, i) => i > 0 && n - shown[i - 1]! > 1).length;
    return `browser stepping: ${steps} presses at 60 per second showed ${distinct} distinct numbers, ${jumps} jumps over a number (a frame not yet decoded is skipped rather than shown wrong), ${backwards} backwards; last frame shown ${settle} ms after the last press`;
  } finally {
    await browser.close();
  }
}
