import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';

export type Rgb = readonly [number, number, number];

/** A frame whose columns left of `split` are one colour and the rest another (rgb24, row-major). */
export function twoColourFrame(width: number, height: number, left: Rgb, right: Rgb, split = width / 2): Uint8Array {
  const out = new Uint8Array(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) out.set(x < split ? left : right, (y * width + x) * 3);
  }
  return out;
}

/** Writes raw frames as numbered images `<first + i>.<format>` with one ffmpeg run; returns the paths. */
export function writeFrameImages(dir: string, frames: readonly Uint8Array[], width: number, height: number, options: { first?: number; format?: 'png' | 'jpg' } = {}): string[] {
  const first = options.first ?? 0;
  const format = options.format ?? 'png';
  mkdirSync(dir, { recursive: true });
  const quality = format === 'jpg' ? ['-q:v', '2'] : [];
  execFileSync('ffmpeg', [
    '-v', 'error', '-y', '-f', 'rawvideo', '-pix_fmt', 'rgb24', '-s', `${width}x${height}`, '-i', 'pipe:0',
    '-start_number', String(first), ...quality, path.join(dir, `%d.${format}`),
  ], { input: Buffer.concat(frames) });
  return frames.map((_, i) => path.join(dir, `${first + i}.${format}`));
}
