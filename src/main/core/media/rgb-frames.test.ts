import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { twoColourFrame, writeFrameImages, type Rgb } from '../../../../test/helpers/rgb-images';
import { writeRgbFrames } from './ffmpeg';
import { requireTools } from './tools';

const tools = requireTools();
const dir = mkdtempSync(path.join(tmpdir(), 'mer-rgb-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const never = new AbortController().signal;

/** The pixel at (x, y) of frame `f` in a raw [frames, size, size, 3] buffer. */
const pixel = (raw: Uint8Array, size: number, f: number, x: number, y: number) => [...raw.subarray(((f * size + y) * size + x) * 3, ((f * size + y) * size + x) * 3 + 3)];

test('frames are read in the order listed, cropped to the box and resized to every size in one run', async () => {
  // 32x24 frames: red-ish left half (green channel = 10 × frame), blue right half.
  const colours: Rgb[] = [[200, 0, 50], [200, 10, 50], [200, 20, 50]];
  const files = writeFrameImages(path.join(dir, 'png'), colours.map((c) => twoColourFrame(32, 24, c, [0, 100, 255])), 32, 24, { first: 5 });
  const out4 = path.join(dir, 'clip-4.rgb');
  const out2 = path.join(dir, 'clip-2.rgb');
  // The box x 8..23 straddles the halves: after resizing, half of each row is left colour.
  await writeRgbFrames({ files: [files[2]!, files[0]!], crop: { x: 8, y: 4, width: 16, height: 16 }, outputs: [{ size: 4, file: out4 }, { size: 2, file: out2 }], tools, signal: never });
  const four = new Uint8Array(readFileSync(out4));
  const two = new Uint8Array(readFileSync(out2));
  expect(four.length).toBe(2 * 4 * 4 * 3);
  expect(two.length).toBe(2 * 2 * 2 * 3);
  for (const [f, source] of [[0, 2], [1, 0]] as const) {
    for (let y = 0; y < 4; y++) {
      expect([0, 1].map((x) => pixel(four, 4, f, x, y))).toEqual([[...colours[source]!], [...colours[source]!]]);
      expect([2, 3].map((x) => pixel(four, 4, f, x, y))).toEqual([[0, 100, 255], [0, 100, 255]]);
    }
    expect(pixel(two, 2, f, 0, 1)).toEqual([...colours[source]!]);
    expect(pixel(two, 2, f, 1, 1)).toEqual([0, 100, 255]);
  }
  // The concat list is removed again.
  expect(readdirSync(dir).filter((f) => f.endsWith('.list'))).toEqual([]);
});

test('JPEG frames come out close to their colour, and without a crop the whole frame is resized', async () => {
  const [file] = writeFrameImages(path.join(dir, 'jpg'), [twoColourFrame(32, 24, [30, 160, 90], [30, 160, 90])], 32, 24, { format: 'jpg' });
  const out = path.join(dir, 'jpg-8.rgb');
  await writeRgbFrames({ files: [file!], crop: null, outputs: [{ size: 8, file: out }], tools, signal: never });
  const raw = new Uint8Array(readFileSync(out));
  expect(raw.length).toBe(8 * 8 * 3);
  const [r, g, b] = pixel(raw, 8, 0, 3, 3);
  expect(Math.abs(r! - 30) + Math.abs(g! - 160) + Math.abs(b! - 90)).toBeLessThanOrEqual(6);
});

test('an unreadable image and a cancelled signal are errors that say so', async () => {
  const bad = path.join(dir, 'not-an-image.png');
  writeFileSync(bad, 'hello');
  const outputs = [{ size: 4, file: path.join(dir, 'bad.rgb') }];
  await expect(writeRgbFrames({ files: [bad], crop: null, outputs, tools, signal: never })).rejects.toThrow(/Could not read the frames: /);
  const stop = new AbortController();
  stop.abort();
  await expect(writeRgbFrames({ files: [bad], crop: null, outputs, tools, signal: stop.signal })).rejects.toThrow('cancelled');
});
