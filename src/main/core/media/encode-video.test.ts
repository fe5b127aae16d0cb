import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { encodeRgbVideo } from './encode-video';
import { requireTools } from './tools';

const tools = requireTools();
const dir = mkdtempSync(path.join(tmpdir(), 'mer-encode-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A drifting gradient with a bright square that steps one pixel right per frame. */
function frame(width: number, height: number, t: number): Uint8Array {
  const out = new Uint8Array(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 3;
      const inSquare = x >= 10 + t && x < 26 + t && y >= 12 && y < 28;
      out[i] = inSquare ? 250 : x * 2 + t;
      out[i + 1] = inSquare ? 250 : y * 2;
      out[i + 2] = inSquare ? 250 : 60;
    }
  }
  return out;
}

function* frames(width: number, height: number, count: number): Generator<Uint8Array> {
  for (let t = 0; t < count; t++) yield frame(width, height, t);
}

function probe(file: string): Record<string, unknown> {
  const json = execFileSync(tools.ffprobe, ['-v', 'error', '-count_frames', '-select_streams', 'v:0', '-show_entries', 'stream=codec_name,pix_fmt,width,height,r_frame_rate,avg_frame_rate,nb_read_frames', '-of', 'json', file], { encoding: 'utf8' });
  return (JSON.parse(json) as { streams: Record<string, unknown>[] }).streams[0] ?? {};
}

function decode(file: string, width: number, height: number): Uint8Array[] {
  const raw = execFileSync(tools.ffmpeg, ['-v', 'error', '-i', file, '-f', 'rawvideo', '-pix_fmt', 'rgb24', 'pipe:1'], { maxBuffer: 1 << 28 });
  const size = width * height * 3;
  return Array.from({ length: raw.length / size }, (_, i) => new Uint8Array(raw.subarray(i * size, (i + 1) * size)));
}

describe('encodeRgbVideo', () => {
  test('writes an H.264 mp4 with every frame at 50/1 fps, close to the input', async () => {
    const output = path.join(dir, 'a.mp4');
    await encodeRgbVideo({ ffmpegPath: tools.ffmpeg, output, width: 64, height: 48, fps: 50, frames: frames(64, 48, 30) });
    expect(probe(output)).toMatchObject({ codec_name: 'h264', pix_fmt: 'yuv420p', width: 64, height: 48, r_frame_rate: '50/1', avg_frame_rate: '50/1', nb_read_frames: '30' });
    const decoded = decode(output, 64, 48);
    expect(decoded).toHaveLength(30);
    decoded.forEach((got, t) => {
      const want = frame(64, 48, t);
      let err = 0;
      for (let i = 0; i < want.length; i += 3) {
        const grey = (f: Uint8Array): number => ((f[i] as number) + (f[i + 1] as number) + (f[i + 2] as number)) / 3;
        err += Math.abs(grey(got) - grey(want));
      }
      // Brightness survives almost exactly (4:2:0 only blurs the colour edges).
      expect(err / (64 * 48), `frame ${t}`).toBeLessThan(2);
      // And so does a one-pixel step: the square's left edge is where it was drawn.
      const row = 20 * 64 * 3;
      const luma = (x: number): number => 0.299 * (got[row + x * 3] as number) + 0.587 * (got[row + x * 3 + 1] as number) + 0.114 * (got[row + x * 3 + 2] as number);
      const left = Array.from({ length: 64 }, (_, x) => luma(x)).findIndex((l) => l > 180);
      expect(left, `frame ${t}`).toBe(10 + t);
    });
  });

  test('takes async frames, and a producer may reuse one buffer', async () => {
    const output = path.join(dir, 'b.mp4');
    const shared = new Uint8Array(32 * 32 * 3);
    async function* gen(): AsyncGenerator<Uint8Array> {
      for (let t = 0; t < 12; t++) {
        shared.fill(t * 20);
        await new Promise((resolve) => setTimeout(resolve, 1));
        yield shared;
      }
    }
    await encodeRgbVideo({ ffmpegPath: tools.ffmpeg, output, width: 32, height: 32, fps: 25, frames: gen() });
    expect(probe(output)).toMatchObject({ width: 32, height: 32, r_frame_rate: '25/1', nb_read_frames: '12' });
    const levels = decode(output, 32, 32).map((f) => f[100]);
    levels.forEach((level, t) => expect(Math.abs((level as number) - t * 20)).toBeLessThan(4));
  });

  test('cancels: kills ffmpeg, removes the partial file and rejects with the reason', async () => {
    const output = path.join(dir, 'c.mp4');
    const controller = new AbortController();
    let pulled = 0;
    function* endless(): Generator<Uint8Array> {
      for (;;) {
        pulled++;
        if (pulled === 40) controller.abort(new Error('stop now'));
        yield frame(64, 48, pulled % 30);
      }
    }
    await expect(encodeRgbVideo({ ffmpegPath: tools.ffmpeg, output, width: 64, height: 48, fps: 50, frames: endless(), signal: controller.signal })).rejects.toThrow('stop now');
    expect(pulled).toBeLessThan(45);
    expect(existsSync(output)).toBe(false);
    const aborted = new AbortController();
    aborted.abort();
    await expect(encodeRgbVideo({ ffmpegPath: tools.ffmpeg, output, width: 64, height: 48, fps: 50, frames: frames(64, 48, 3), signal: aborted.signal })).rejects.toMatchObject({ name: 'AbortError' });
  });

  test('rejects bad frames, a missing ffmpeg and ffmpeg errors, leaving no file behind', async () => {
    const output = path.join(dir, 'd.mp4');
    const wrong = [frame(64, 48, 0), new Uint8Array(10)];
    await expect(encodeRgbVideo({ ffmpegPath: tools.ffmpeg, output, width: 64, height: 48, fps: 50, frames: wrong })).rejects.toThrow(/Frame 1 has 10 bytes/);
    await expect(encodeRgbVideo({ ffmpegPath: path.join(dir, 'no-ffmpeg'), output, width: 64, height: 48, fps: 50, frames: frames(64, 48, 5) })).rejects.toThrow(/ENOENT/);
    await expect(encodeRgbVideo({ ffmpegPath: tools.ffmpeg, output, width: 64, height: 48, fps: 50, frames: frames(64, 48, 5), preset: 'no-such-preset' })).rejects.toThrow(/preset/i);
    await expect(encodeRgbVideo({ ffmpegPath: tools.ffmpeg, output, width: 64, height: 48, fps: 50, frames: [] })).rejects.toThrow(/No frames/);
    await expect(encodeRgbVideo({ ffmpegPath: tools.ffmpeg, output, width: 63, height: 48, fps: 50, frames: [] })).rejects.toThrow(/even/);
    function* failing(): Generator<Uint8Array> {
      yield frame(64, 48, 0);
      throw new Error('renderer broke');
    }
    await expect(encodeRgbVideo({ ffmpegPath: tools.ffmpeg, output, width: 64, height: 48, fps: 50, frames: failing() })).rejects.toThrow('renderer broke');
    expect(readdirSync(dir).filter((f) => f.startsWith('d'))).toEqual([]);
  });
});
