import { existsSync, mkdirSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { decodeVideo, frameTimes } from '../../src/main/core/media/ffmpeg';
import { decodeVideoSegmented, planSegments, segmentCountFor } from '../../src/main/core/media/segmented-decode';
import { requireTools } from '../../src/main/core/media/tools';
import { tempDir } from '../helpers/backend';
import { columnMeans, makeClip, makeGreyRampClip } from '../helpers/media';
import { PREVIEWS_PER_SHEET, previewSheetName } from '../../src/shared/domain/preview-sheets';

const tools = requireTools();
const root = tempDir('mer-segments-');
const never = new AbortController().signal;

function outDir(name: string): string {
  const dir = path.join(root, name);
  for (const kind of ['frames', 'previews']) mkdirSync(path.join(dir, kind), { recursive: true });
  return dir;
}

/** Every file of frames/ and previews/, by name, as bytes. */
function filesOf(dir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const kind of ['frames', 'previews']) for (const name of readdirSync(path.join(dir, kind))) files.set(`${kind}/${name}`, readFileSync(path.join(dir, kind, name)));
  return files;
}

async function decodeBothWays(clip: string, frameCount: number, segments: number): Promise<{ whole: Map<string, Buffer>; split: Map<string, Buffer>; dir: string; used: number }> {
  const name = `${path.basename(clip)}-${segments}`;
  const base = { input: clip, tools, format: 'jpg' as const, previewWidth: 32, signal: never, onProgress: () => undefined };
  const wholeDir = outDir(`${name}-whole`);
  await decodeVideo({ ...base, outDir: wholeDir });
  const splitDir = outDir(`${name}-split`);
  const used = await decodeVideoSegmented({ ...base, outDir: splitDir, frameCount, segments });
  return { whole: filesOf(wholeDir), split: filesOf(splitDir), dir: splitDir, used };
}

describe('decoding a video in segments', () => {
  test('plans nearly equal segments that start on a preview sheet, overlap, and cover every frame', () => {
    const times = Array.from({ length: 100 }, (_, i) => i * 0.02);
    const plan = planSegments(times, 3);
    expect(plan.map((s) => s.first)).toEqual([0, 30, 70]);
    expect(plan.map((s) => s.count)).toEqual([32, 42, null]);
    expect(plan.map((s) => s.sheets)).toEqual([3, 4, null]);
    expect(plan[1]!.seekSec).toBeCloseTo(0.59);
    // Too few frames for three sheet-aligned segments: two it is.
    expect(planSegments(times.slice(0, 15), 3).map((s) => s.first)).toEqual([0, 10]);
    expect(segmentCountFor(100, 8)).toBe(1);
    expect(segmentCountFor(500, 2)).toBe(2);
    expect(segmentCountFor(5000, 16)).toBe(4);
  });

  test('lists frame times in display order even with B-frames', async () => {
    const clip = makeClip(path.join(root, 'bframes.mp4'), { frames: 30, codec: ['-c:v', 'libx264', '-bf', '3', '-g', '7', '-pix_fmt', 'yuv420p'] });
    const times = await frameTimes(clip, tools, never);
    expect(times).toHaveLength(30);
    expect(times![0]).toBeCloseTo(0);
    expect(times![29]).toBeCloseTo(29 / 50);
  });

  test('writes exactly the files one whole-video decode writes (H.264 with B-frames and short GOPs)', async () => {
    const clip = makeClip(path.join(root, 'gop.mp4'), { frames: 90, width: 96, height: 64, codec: ['-c:v', 'libx264', '-bf', '3', '-g', '12', '-pix_fmt', 'yuv420p'] });
    const { whole, split, dir, used } = await decodeBothWays(clip, 90, 3);
    expect(used).toBe(3);
    expect(whole.size).toBe(90 + 9);
    expect([...split.keys()].sort()).toEqual([...whole.keys()].sort());
    for (const [name, bytes] of whole) expect(split.get(name)!.equals(bytes), name).toBe(true);
    expect(existsSync(path.join(dir, 'segments'))).toBe(false);
  });

  test('each preview sheet holds ten frames side by side, in order, whether decoded whole or in segments', async () => {
    const clip = makeGreyRampClip(path.join(root, 'ramp.mp4'), 200);
    const { whole, split, dir, used } = await decodeBothWays(clip, 200, 2);
    expect(used).toBe(2);
    for (const [name, bytes] of whole) expect(split.get(name)!.equals(bytes), name).toBe(true);
    const sheets = [...whole.keys()].filter((name) => name.startsWith('previews/'));
    expect(sheets.sort()).toEqual(Array.from({ length: 20 }, (_, k) => `previews/${previewSheetName(k)}`).sort());
    const frameMeans = columnMeans(clip, 64, 48, 1).map(([mean]) => mean!);
    const tileMeans = columnMeans(path.join(dir, 'previews', 'sheet-%d.jpg'), 32 * PREVIEWS_PER_SHEET, 24, PREVIEWS_PER_SHEET).flat();
    expect(tileMeans).toHaveLength(200);
    tileMeans.forEach((mean, n) => expect(mean, `frame ${n}`).toBeCloseTo(frameMeans[n]!, -0.5));
  });

  test('an intra-only codec at a fractional rate joins exactly too', async () => {
    const clip = makeClip(path.join(root, 'mjpeg.avi'), { frames: 40, rate: '30000/1001', codec: ['-c:v', 'mjpeg', '-q:v', '3'] });
    const { whole, split, used } = await decodeBothWays(clip, 40, 2);
    expect(used).toBe(2);
    expect(split.size).toBe(whole.size);
    for (const [name, bytes] of whole) expect(split.get(name)!.equals(bytes), name).toBe(true);
  });

  test('falls back to one decode when the frame count does not match the timestamps', async () => {
    const clip = makeClip(path.join(root, 'short.mp4'), { frames: 20 });
    const { whole, split, used } = await decodeBothWays(clip, 25, 2);
    expect(used).toBe(1);
    expect(split.size).toBe(whole.size);
    for (const [name, bytes] of whole) expect(split.get(name)!.equals(bytes), name).toBe(true);
  });

  test('reports frames done as ffmpeg prints them, up to the last frame', async () => {
    const clip = makeClip(path.join(root, 'progress.mp4'), { frames: 90 });
    const seen: number[] = [];
    await decodeVideo({ input: clip, tools, outDir: outDir('progress'), format: 'jpg', previewWidth: 32, signal: never, onProgress: (done) => seen.push(done) });
    expect(seen.at(-1)).toBe(90);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
  });

  test('cancelled, it stops every process and leaves no segment folders', async () => {
    const clip = makeClip(path.join(root, 'long.mp4'), { frames: 400, width: 320, height: 240 });
    const dir = outDir('cancelled');
    const controller = new AbortController();
    const decoding = decodeVideoSegmented({
      input: clip, tools, outDir: dir, format: 'png', previewWidth: 32, frameCount: 400, segments: 2, signal: controller.signal,
      onProgress: (done) => { if (done > 20) controller.abort(); },
    });
    await expect(decoding).rejects.toThrow('cancelled');
    expect(existsSync(path.join(dir, 'segments'))).toBe(false);
  });
});
