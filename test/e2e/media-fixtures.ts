import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test as base } from './fixtures';

/**
 * Test media whose pixels say which frame they are: every frame carries its number as a row of
 * 12 black/white blocks (most significant bit first) plus the number as text. A test decodes the
 * blocks from what the scrubber draws and compares them with the frame number it displays.
 */
export const code = {
  bits: 12,
  width: 256,
  height: 256,
  /** Block i spans x = left + i × pitch … + size, y = top … + size. */
  left: 8,
  top: 12,
  pitch: 20,
  size: 16,
} as const;

export interface TestMedia {
  dir: string;
  /** 120 frames, 256×256, 50 fps, H.264; frame n (0-based) carries code n. */
  clip: string;
  /** img46.jpg … img60.jpg without img50.jpg; file imgN carries code N. */
  images: string;
  /** A capture session: anger1.mp4 (30 frames, codes 200…) and happy2.mp4 (20 frames, codes 300…). */
  session: string;
}

function frameRgb(n: number): Buffer {
  const { width, height } = code;
  const rgb = Buffer.alloc(width * height * 3, 128);
  for (let i = 0; i < code.bits; i++) {
    const on = ((n >> (code.bits - 1 - i)) & 1) === 1;
    const x0 = code.left + i * code.pitch;
    for (let y = code.top; y < code.top + code.size; y++) {
      for (let x = x0; x < x0 + code.size; x++) rgb.fill(on ? 255 : 0, (y * width + x) * 3, (y * width + x) * 3 + 3);
    }
  }
  return rgb;
}

/** Pipes raw RGB frames with codes `numbers` through ffmpeg (with the number drawn as text). */
function encode(numbers: readonly number[], output: string[], textOffset = 0): Promise<void> {
  const text = `drawtext=text='%{eif\\:n+${textOffset}\\:d}':fontsize=56:fontcolor=white:box=1:boxcolor=black@0.6:x=(w-tw)/2:y=(h-th)/2+30`;
  const args = ['-hide_banner', '-loglevel', 'error', '-y', '-f', 'rawvideo', '-pix_fmt', 'rgb24', '-s', `${code.width}x${code.height}`, '-r', '50', '-i', '-', '-vf', text, ...output];
  return new Promise((resolve, reject) => {
    const ffmpeg = spawn('ffmpeg', args, { stdio: ['pipe', 'ignore', 'pipe'] });
    let errors = '';
    ffmpeg.stderr.setEncoding('utf8').on('data', (chunk: string) => (errors += chunk));
    ffmpeg.on('error', reject);
    ffmpeg.on('exit', (status) => (status === 0 ? resolve() : reject(new Error(`ffmpeg failed (${status}): ${errors}`))));
    for (const n of numbers) ffmpeg.stdin.write(frameRgb(n));
    ffmpeg.stdin.end();
  });
}

const range = (from: number, count: number) => Array.from({ length: count }, (_, i) => from + i);
const video = (file: string) => ['-c:v', 'libx264', '-preset', 'veryfast', '-crf', '12', '-pix_fmt', 'yuv420p', file];

export async function makeTestMedia(): Promise<TestMedia> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'mer-e2e-media-'));
  const clip = path.join(dir, 'clips', 'clip.mp4');
  const images = path.join(dir, 'sequence');
  const session = path.join(dir, 'session-2026-11-21');
  for (const d of [path.dirname(clip), images, session]) mkdirSync(d, { recursive: true });
  await Promise.all([
    encode(range(0, 120), video(clip)),
    encode(range(46, 15), ['-start_number', '46', '-q:v', '2', path.join(images, 'img%d.jpg')], 46),
    encode(range(200, 30), video(path.join(session, 'anger1.mp4')), 200),
    encode(range(300, 20), video(path.join(session, 'happy2.mp4')), 300),
  ]);
  rmSync(path.join(images, 'img50.jpg'));
  return { dir, clip, images, session };
}

/** `test` with the media made once per worker. */
export const test = base.extend<object, { media: TestMedia }>({
  media: [
    // eslint-disable-next-line no-empty-pattern -- Playwright reads the fixture's dependencies from this pattern
    async ({}, use) => {
      const media = await makeTestMedia();
      try {
        await use(media);
      } finally {
        rmSync(media.dir, { recursive: true, force: true });
      }
    },
    { scope: 'worker' },
  ],
});

export { expect } from './fixtures';
