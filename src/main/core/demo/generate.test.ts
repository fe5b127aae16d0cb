import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { requireTools } from '../media/tools';
import { parseAus } from './emotions';
import { generateDemoVideos } from './generate';
import { demoPlan, subjectFace } from './plan';
import { AU_REGIONS, faceRegions, type Box } from './regions';
import { renderRecording } from './render';

const tools = requireTools();
const root = mkdtempSync(path.join(tmpdir(), 'mer-demo-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function probe(file: string): Record<string, unknown> {
  const json = execFileSync(tools.ffprobe, ['-v', 'error', '-count_frames', '-select_streams', 'v:0', '-show_entries', 'stream=codec_name,pix_fmt,width,height,r_frame_rate,nb_read_frames', '-of', 'json', file], { encoding: 'utf8' });
  return (JSON.parse(json) as { streams: Record<string, unknown>[] }).streams[0] ?? {};
}

function decode(file: string, size: number): Uint8Array[] {
  const raw = execFileSync(tools.ffmpeg, ['-v', 'error', '-i', file, '-f', 'rawvideo', '-pix_fmt', 'rgb24', 'pipe:1'], { maxBuffer: 1 << 28 });
  return Array.from({ length: raw.length / size }, (_, i) => new Uint8Array(raw.subarray(i * size, (i + 1) * size)));
}

function boxDiff(a: Uint8Array, b: Uint8Array, boxes: Box[], width: number): number {
  let sum = 0;
  let n = 0;
  for (const box of boxes) {
    for (let y = box.y0; y < box.y1; y++) {
      for (let i = (y * width + box.x0) * 3; i < (y * width + box.x1) * 3; i++) sum += Math.abs((a[i] as number) - (b[i] as number));
      n += (box.x1 - box.x0) * 3;
    }
  }
  return sum / n;
}

describe('generateDemoVideos', () => {
  test('writes one 50 fps mp4 per recording, one folder per subject, and the micro-motions survive encoding', async () => {
    const outDir = path.join(root, 'small');
    const progress: number[] = [];
    const demo = await generateDemoVideos({ outDir, scale: 'small', seed: 1, ffmpegPath: tools.ffmpeg, onProgress: (f) => progress.push(f) });
    expect({ ...demo, recordings: demo.recordings.map(({ file: _file, ...rec }) => rec) }).toEqual(demoPlan('small', 1));
    expect(readdirSync(outDir).sort()).toEqual(['D01', 'D02', 'D03']);
    for (const rec of demo.recordings) {
      expect(rec.file).toBe(path.join(outDir, rec.subjectCode, `${rec.stimulus}.mp4`));
      expect(readdirSync(path.dirname(rec.file))).toEqual([`${rec.stimulus}.mp4`]);
      expect(probe(rec.file)).toMatchObject({ codec_name: 'h264', pix_fmt: 'yuv420p', width: 128, height: 128, r_frame_rate: '50/1', nb_read_frames: String(rec.frameCount) });
    }
    expect(progress.at(-1)).toBe(1);
    expect(progress.every((f, i) => i === 0 || f >= (progress[i - 1] as number))).toBe(true);

    const rec = demo.recordings[0]!;
    const size = demo.width * demo.height * 3;
    const decoded = decode(rec.file, size);
    const rendered = [...renderRecording(demo, 0)];
    expect(decoded).toHaveLength(rendered.length);
    const regions = faceRegions(subjectFace(demo, rec.subjectCode), demo.width);
    const whole = [{ x0: 0, y0: 0, x1: demo.width, y1: demo.height }];
    for (const t of [0, 75, 149]) expect(boxDiff(decoded[t]!, rendered[t]!, whole, demo.width), `frame ${t}`).toBeLessThan(3);
    for (const e of rec.events) {
      const boxes = [...new Set(parseAus(e.aus).flatMap((au) => AU_REGIONS[au]))].map((r) => regions[r]);
      const before = boxDiff(rendered[e.onset]!, rendered[e.apex]!, boxes, demo.width);
      const after = boxDiff(decoded[e.onset]!, decoded[e.apex]!, boxes, demo.width);
      expect(after / before, `${e.emotion}: onset-apex motion after/before encoding`).toBeGreaterThan(0.7);
    }
  });

  test('stops between frames when cancelled and removes everything it wrote', async () => {
    const outDir = path.join(root, 'cancelled');
    const controller = new AbortController();
    const run = generateDemoVideos({
      outDir,
      scale: 'small',
      seed: 2,
      ffmpegPath: tools.ffmpeg,
      signal: controller.signal,
      onProgress: (fraction) => {
        if (fraction > 0.5) controller.abort();
      },
    });
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
    expect(existsSync(outDir)).toBe(false);
  });
});
