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
