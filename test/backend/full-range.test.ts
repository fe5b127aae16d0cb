import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { decodeVideo, probeVideo } from '../../src/main/core/media/ffmpeg';
import { jpegRangeFilter, limitedToFullRange } from '../../src/main/core/media/full-range';
import { requireTools } from '../../src/main/core/media/tools';
import { tempDir } from '../helpers/backend';
import { makeClip } from '../helpers/media';

const tools = requireTools();
const root = tempDir('mer-full-range-');
const never = new AbortController().signal;

/** Two lossless 256x256 yuv420p frames in which every plane takes every value 0..255. */
function everyValueClip(): string {
  const size = 256;
  const plane = (width: number, height: number, value: (x: number, y: number) => number): Buffer =>
    Buffer.from(Array.from({ length: width * height }, (_, i) => value(i % width, Math.floor(i / width)) % 256));
  const frame = Buffer.concat([
    plane(size, size, (x) => x),
    plane(size / 2, size / 2, (x, y) => x + y),
    plane(size / 2, size / 2, (x, y) => 3 * x + 7 * y),
  ]);
  const raw = path.join(root, 'every-value.yuv');
  writeFileSync(raw, Buffer.concat([frame, frame]));
  const clip = path.join(root, 'every-value.mkv');
  execFileSync(tools.ffmpeg, ['-v', 'error', '-y', '-f', 'rawvideo', '-pix_fmt', 'yuv420p', '-s', `${size}x${size}`, '-i', raw, '-c:v', 'ffv1', clip]);
  return clip;
}

function rawFullRange(clip: string, filter: string | null): Buffer {
  const out = path.join(root, `full-${filter ? 'table' : 'swscale'}.yuv`);
  const convert = filter ? ['-vf', filter, '-pix_fmt', 'yuv420p'] : ['-pix_fmt', 'yuvj420p'];
  execFileSync(tools.ffmpeg, ['-v', 'error', '-y', '-i', clip, ...convert, '-f', 'rawvideo', out]);
  return readFileSync(out);
}

function framesOf(dir: string): Map<string, Buffer> {
  return new Map(readdirSync(path.join(dir, 'frames')).map((name) => [name, readFileSync(path.join(dir, 'frames', name))]));
}

describe('limited to full range for JPEG frames', () => {
  test('the lookup table gives exactly what ffmpeg’s own conversion gives, for every sample value', () => {
    const clip = everyValueClip();
    const bySwscale = rawFullRange(clip, null);
    const byTable = rawFullRange(clip, limitedToFullRange);
    expect(byTable.length).toBe(bySwscale.length);
    expect(byTable.equals(bySwscale)).toBe(true);
  });

  test('imported JPEG frames are byte-identical with and without the lookup table', async () => {
    const clip = makeClip(path.join(root, 'counter.mp4'), { frames: 12 });
    const probe = await probeVideo(clip, tools);
    expect(probe.pixels).toEqual({ format: 'yuv420p', range: expect.stringMatching(/^(tv|unknown)$/) as unknown as string });
    expect(jpegRangeFilter(probe.pixels)).toBe(limitedToFullRange);
    const decodeInto = async (name: string, withPixels: boolean): Promise<Map<string, Buffer>> => {
      const outDir = path.join(root, name);
      for (const kind of ['frames', 'previews']) mkdirSync(path.join(outDir, kind), { recursive: true });
      await decodeVideo({ input: clip, tools, outDir, format: 'jpg', previewWidth: 32, signal: never, onProgress: () => undefined, ...(withPixels ? { pixels: probe.pixels } : {}) });
      return framesOf(outDir);
    };
    const plain = await decodeInto('swscale', false);
    const table = await decodeInto('table', true);
    expect(plain.size).toBe(12);
    expect([...table.keys()].sort()).toEqual([...plain.keys()].sort());
    for (const [name, bytes] of plain) expect(table.get(name)?.equals(bytes), name).toBe(true);
  });

  test('applies only to 8-bit planar YUV in limited range', () => {
    expect(jpegRangeFilter({ format: 'yuv420p', range: 'tv' })).toBe(limitedToFullRange);
    expect(jpegRangeFilter({ format: 'yuv444p', range: 'unknown' })).toBe(limitedToFullRange);
    expect(jpegRangeFilter({ format: 'yuv420p', range: 'pc' })).toBeNull();
    expect(jpegRangeFilter({ format: 'yuvj420p', range: 'pc' })).toBeNull();
    expect(jpegRangeFilter({ format: 'yuv420p10le', range: 'tv' })).toBeNull();
    expect(jpegRangeFilter(undefined)).toBeNull();
  });
});
