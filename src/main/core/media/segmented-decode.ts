import { mkdirSync, readFileSync, readdirSync, renameSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PREVIEWS_PER_SHEET } from '../../../shared/domain/preview-sheets';
import { decodeVideo, frameTimes, MediaError, type DecodeOptions } from './ffmpeg';

/**
 * Decoding a video and encoding every frame as JPEG keeps one core busy with the encoder while
 * the other waits: ffmpeg 5 encodes an output on one thread. Splitting the video into segments
 * decoded by separate ffmpeg processes (each seeking to its first frame) uses every core.
 *
 * Frame exactness is checked, not assumed: neighbouring segments overlap by OVERLAP frames, and
 * the overlapping files must be byte-identical (the encoder is deterministic, so the same decoded
 * frame gives the same file). Any doubt — no timestamps, a count that does not add up, a
 * mismatch — falls back to one process decoding the whole video.
 */
const OVERLAP = 2;
/** Below this many frames per segment the extra processes cost more than they save. */
const MIN_FRAMES_PER_SEGMENT = 150;
const MAX_SEGMENTS = 4;

export interface Segment {
  /** First frame number written (the seek target), a multiple of PREVIEWS_PER_SHEET. */
  first: number;
  /** Frames written, including the overlap with the next segment; null = to the end. */
  count: number | null;
  /** Preview sheets written (the overlap is the next segment's); null = to the end. */
  sheets: number | null;
  /** Where to seek: half a frame before the first frame's time, so rounding cannot skip it. */
  seekSec: number;
}

export function segmentCountFor(frameCount: number, cores = os.availableParallelism()): number {
  return Math.max(1, Math.min(cores, MAX_SEGMENTS, Math.floor(frameCount / MIN_FRAMES_PER_SEGMENT)));
}

/**
 * Splits frames 0..times.length-1 into up to `segments` nearly equal runs; times in display order.
 * Each run starts on a preview sheet's first frame, so every sheet comes from one segment.
 */
export function planSegments(times: readonly number[], segments: number): Segment[] {
  const n = times.length;
  const starts = new Set<number>();
  for (let i = 0; i < segments; i++) starts.add(Math.round((i * n) / segments / PREVIEWS_PER_SHEET) * PREVIEWS_PER_SHEET);
  const firsts = [...starts].filter((first) => first < n);
  return firsts.map((first, i) => {
    const next = firsts[i + 1];
    const halfFrame = first > 0 ? (times[first]! - times[first - 1]!) / 2 : 0;
    return {
      first,
      count: next === undefined ? null : next - first + OVERLAP,
      sheets: next === undefined ? null : (next - first) / PREVIEWS_PER_SHEET,
      seekSec: first > 0 ? times[first]! - halfFrame : 0,
    };
  });
}

function usableTimes(times: readonly number[] | null, frameCount: number): times is readonly number[] {
  if (!times || times.length !== frameCount) return false;
  for (let i = 1; i < times.length; i++) if (!(times[i]! > times[i - 1]!)) return false;
  return true;
}

/**
 * Decodes `options.input` like decodeVideo, with `segments` processes when that is safe.
 * Returns how many segments were used in the end (1 after a fallback).
 */
export async function decodeVideoSegmented(
  options: DecodeOptions & {
    frameCount: number;
    segments?: number;
    /** The frames' times when the caller already asked for them (alongside its probe, to save a pass). */
    times?: Promise<number[] | null>;
  },
): Promise<number> {
  const segments = options.segments ?? segmentCountFor(options.frameCount);
  if (segments > 1) {
    const times = await (options.times ?? frameTimes(options.input, options.tools, options.signal));
    const plan = usableTimes(times, options.frameCount) ? planSegments(times, segments) : [];
    if (plan.length > 1 && (await decodeInSegments(options, plan))) return plan.length;
  }
  await decodeVideo(options);
  return 1;
}

/** True when the segments decoded and joined exactly; false (and nothing left behind) when not. */
async function decodeInSegments(options: DecodeOptions, plan: Segment[]): Promise<boolean> {
  const root = path.join(options.outDir, 'segments');
  const dirOf = (i: number): string => path.join(root, String(i));
  const done = plan.map(() => 0);
  const stop = new AbortController();
  const onAbort = (): void => stop.abort();
  options.signal.addEventListener('abort', onAbort, { once: true });
  for (const [i] of plan.entries()) for (const kind of ['frames', 'previews']) mkdirSync(path.join(dirOf(i), kind), { recursive: true });
  try {
    await Promise.all(
      plan.map((segment, i) =>
        decodeVideo({
          ...options,
          outDir: dirOf(i),
          range: segment,
          // The segments already keep every core busy: one thread each for the decoder and the
          // encoders saves the threads' overhead (about 15 % of decoding and 20 % of encoding here).
          threads: 1,
          signal: stop.signal,
          onProgress: (frames, fps) => {
            done[i] = frames;
            options.onProgress(done.reduce((a, b) => a + b, 0), fps * plan.length);
          },
        }).catch((error: unknown) => {
          stop.abort();
          throw error;
        }),
      ),
    );
    if (!joinsExactly(plan, dirOf)) return false;
    for (const [i] of plan.entries()) moveInto(options.outDir, dirOf(i));
    return true;
  } catch {
    if (options.signal.aborted) throw new MediaError('cancelled');
    // The whole-video decode that follows gives the authoritative message for a broken file.
    return false;
  } finally {
    options.signal.removeEventListener('abort', onAbort);
    rmSync(root, { recursive: true, force: true });
  }
}

function framesIn(dir: string): Map<number, string> {
  const files = new Map<number, string>();
  for (const name of readdirSync(path.join(dir, 'frames'))) files.set(Number(path.parse(name).name), path.join(dir, 'frames', name));
  return files;
}

/** Every segment wrote the frames it should, and each overlap holds the same bytes on both sides. */
function joinsExactly(plan: readonly Segment[], dirOf: (i: number) => string): boolean {
  for (const [i, segment] of plan.entries()) {
    const frames = framesIn(dirOf(i));
    if (segment.count !== null && frames.size !== segment.count) return false;
    if (segment.sheets !== null && readdirSync(path.join(dirOf(i), 'previews')).length !== segment.sheets) return false;
    if (i === 0) continue;
    const before = framesIn(dirOf(i - 1));
    for (let n = segment.first; n < segment.first + OVERLAP; n++) {
      const mine = frames.get(n);
      const theirs = before.get(n);
      if (!mine || !theirs || !readFileSync(mine).equals(readFileSync(theirs))) return false;
    }
  }
  return true;
}

/** Moves a segment's frames and preview sheets into the output folders; later segments overwrite the overlapping frames with identical files. */
function moveInto(outDir: string, segmentDir: string): void {
  for (const kind of ['frames', 'previews']) {
    for (const name of readdirSync(path.join(segmentDir, kind))) renameSync(path.join(segmentDir, kind, name), path.join(outDir, kind, name));
  }
}
