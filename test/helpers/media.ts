import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';

export interface ClipOptions {
  frames: number;
  width?: number;
  height?: number;
  /** e.g. '50' or '30000/1001' */
  rate?: string;
  /** extra ffmpeg output options, e.g. ['-c:v', 'mjpeg'] */
  codec?: string[];
}

/** A real test clip made by ffmpeg's test source (moving pattern and a frame counter). */
export function makeClip(file: string, o: ClipOptions): string {
  mkdirSync(path.dirname(file), { recursive: true });
  const size = `${o.width ?? 128}x${o.height ?? 128}`;
  execFileSync('ffmpeg', [
    '-v', 'error', '-y', '-f', 'lavfi', '-i', `testsrc2=size=${size}:rate=${o.rate ?? '50'}`,
    '-frames:v', String(o.frames), ...(o.codec ?? ['-c:v', 'libx264', '-pix_fmt', 'yuv420p']), file,
  ]);
  return file;
}

/** Writes numbered still images (one solid grey level each) with the given names. */
export function makeImages(dir: string, names: string[], size = '64x48'): string {
  mkdirSync(dir, { recursive: true });
  for (const [i, name] of names.entries()) {
    const grey = (40 + i * 10) % 256;
    execFileSync('ffmpeg', ['-v', 'error', '-y', '-f', 'lavfi', '-i', `color=c=0x${grey.toString(16).padStart(2, '0').repeat(3)}:s=${size}`, '-frames:v', '1', path.join(dir, name)]);
  }
  return dir;
}

/** A clip whose frame n is one flat grey, 16 + 8·(n mod 28) in video levels: neighbours differ by 8. */
export function makeGreyRampClip(file: string, frames: number, size = '64x48'): string {
  mkdirSync(path.dirname(file), { recursive: true });
  execFileSync('ffmpeg', [
    '-v', 'error', '-y', '-f', 'lavfi', '-i', `color=c=gray:s=${size}:r=50,format=yuv420p,geq=lum='16+8*mod(N,28)':cb=128:cr=128`,
    '-frames:v', String(frames), '-c:v', 'libx264', '-pix_fmt', 'yuv420p', '-g', '25', file,
  ]);
  return file;
}

/**
 * The mean grey level of each of `columns` equal side-by-side strips of every frame ffmpeg reads
 * from `input` (a video, an image, or an image pattern such as `dir/sheet-%d.jpg`) of that size.
 */
export function columnMeans(input: string, width: number, height: number, columns: number): number[][] {
  const grey = execFileSync('ffmpeg', ['-v', 'error', '-i', input, '-f', 'rawvideo', '-pix_fmt', 'gray', 'pipe:1'], { maxBuffer: 1 << 28 });
  const strip = width / columns;
  return Array.from({ length: grey.length / (width * height) }, (_, f) =>
    Array.from({ length: columns }, (_, c) => {
      let sum = 0;
      for (let y = 0; y < height; y++) for (let x = c * strip; x < (c + 1) * strip; x++) sum += grey[(f * height + y) * width + x]!;
      return sum / (strip * height);
    }),
  );
}
