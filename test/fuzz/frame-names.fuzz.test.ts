import fc from 'fast-check';
import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { frameNumberOf, ImageFolderError, scanImageFolder } from '../../src/main/core/media/image-folder';
import { ApiError } from '../../src/shared/api/errors';
import { createTestBackend, tempDir } from '../helpers/backend';
import { makeImages } from '../helpers/media';
import { fuzzParams, fuzzTimeout } from './fuzz-settings';

/**
 * Frame numbers from image file names (img46.jpg is frame 46, whatever the sort order): the
 * number is the last run of digits of the name without its extension, for any name a file
 * system allows; a folder of such files scans to exactly those numbers, or to a typed error.
 */

/** The spec, written independently: scan back from the end of the stem. */
function lastDigitRun(fileName: string): number | null {
  const stem = fileName.slice(0, fileName.length - path.extname(fileName).length);
  const isDigit = (i: number) => /[0-9]/.test(stem[i] ?? '');
  let end = stem.length;
  while (end > 0 && !isDigit(end - 1)) end--;
  let start = end;
  while (start > 0 && isDigit(start - 1)) start--;
  if (start === end) return null;
  const n = Number(stem.slice(start, end));
  return Number.isSafeInteger(n) ? n : null;
}

const part = fc.oneof(
  fc.stringMatching(/^[0-9]{1,6}$/),
  fc.constantFrom('img', 'frame_', '006_', '-', '.', ' ', '\n', '\t', 'é', '٣', '１２', '😀', 'jpg', '.jpg', 'x'.repeat(40), '9'.repeat(25)),
  fc.string({ maxLength: 6 }).map((s) => s.replaceAll('/', '').replaceAll('\u0000', '')),
);
const extension = fc.constantFrom('.jpg', '.JPG', '.jpeg', '.png', '.bmp', '', '.', '.jpg.png', '.12');
/** Names a Linux file system takes: no "/" or NUL, at most 255 bytes, not "." or "..". */
const fileName = fc
  .tuple(fc.array(part, { maxLength: 6 }), extension)
  .map(([parts, ext]) => parts.join('') + ext)
  .filter((n) => n !== '' && n !== '.' && n !== '..' && Buffer.byteLength(n) <= 255);

let sandbox: string;
let image: string;
beforeAll(() => {
  sandbox = tempDir('mer-fuzz-frames-');
  image = path.join(makeImages(path.join(sandbox, 'source'), ['one.png']), 'one.png');
});
afterAll(() => rmSync(sandbox, { recursive: true, force: true }));

describe('frame numbers from file names, fuzzed', () => {
  it('the number is the last run of digits before the extension, for any name', () => {
    fc.assert(
      fc.property(fileName, (name) => {
        expect(frameNumberOf(name)).toBe(lastDigitRun(name));
      }),
      fuzzParams(3000),
    );
  });

  it('regression: a newline before the last digits hid them ("img1\\n2.jpg" was frame 1)', () => {
    expect(frameNumberOf('img1\n2.jpg')).toBe(2);
  });

  it('any zero-padded number after any prefix and before a suffix without digits reads back', () => {
    const noDigits = fc.string({ maxLength: 8 }).map((s) => s.replace(/[0-9]/g, ''));
    fc.assert(
      fc.property(fc.string({ maxLength: 8 }), fc.nat({ max: Number.MAX_SAFE_INTEGER }), fc.nat({ max: 6 }), noDigits, (prefix, n, zeros, suffix) => {
        expect(frameNumberOf(`${prefix}_${'0'.repeat(zeros)}${n}${suffix}.png`)).toBe(n);
      }),
      fuzzParams(2000),
    );
  });

  it('a folder of such files scans to exactly their numbers, or to a typed error', () => {
    let folder = 0;
    fc.assert(
      fc.property(fc.uniqueArray(fileName, { minLength: 1, maxLength: 12, selector: (n) => n.toLowerCase() }), (names) => {
        const dir = path.join(sandbox, `folder-${++folder}`);
        mkdirSync(dir);
        const pngs = names.filter((n) => path.extname(n) === '.png');
        for (const name of pngs) copyFileSync(image, path.join(dir, name));
        const numbers = new Set(pngs.map(lastDigitRun).filter((n): n is number => n !== null));
        try {
          const scan = scanImageFolder(dir);
          const expected = [...numbers].sort((a, b) => a - b);
          expect(scan.files.map((f) => f.frame)).toEqual(expected);
          expect(scan.frameCount + scan.duplicates.length + scan.unnumbered.length).toBe(pngs.length);
          expect(scan.gaps.length).toBe(scan.lastFrame - scan.firstFrame + 1 - scan.frameCount);
        } catch (error) {
          if (!(error instanceof ImageFolderError)) throw error;
          expect(numbers.size === 0 || Math.max(...numbers) - Math.min(...numbers) + 1 - numbers.size > 1_000_000).toBe(true);
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      }),
      fuzzParams(150),
    );
  }, fuzzTimeout(30_000));

  it('regression: two images numbered 1 and 10^12 are refused by name, instead of listing a trillion missing frames', async () => {
    const dir = path.join(sandbox, 'timestamps');
    mkdirSync(dir);
    copyFileSync(image, path.join(dir, 'cam_1.png'));
    copyFileSync(image, path.join(dir, 'cam_1000000000000.png'));
    const backend = createTestBackend();
    try {
      const refusal = await backend.dispatch('media.scanImages', { path: dir }).catch((e: unknown) => e as ApiError);
      expect(refusal).toMatchObject({ code: 'VALIDATION', message: expect.stringMatching(/numbered 1\.\.1000000000000.*not frame numbers/) });
    } finally {
      await backend.dispose();
    }
  });
});
