/**
 * Preprocessed clip frames on disk: cropped to the recording's face box, resized to S x S, uint8
 * RGB, one raw file `[frames, S, S, 3]` per (clip, size) under `<dataDir>/cache/clips/`. The file
 * name is a hash of everything that shapes the pixels, so a changed box, size or recording is a new
 * entry, never a stale one. Files are written under a temporary name and renamed when complete:
 * a crash leaves at most a temporary file, which is never read and is swept later.
 */
import { createHash, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { open } from 'node:fs/promises';
import path from 'node:path';
import type { FaceBox, Recording } from '../../../shared/api/recordings';
import { JobCancelled } from '../../core/jobs/worker/context';
import { writeRgbFrames } from '../../core/media/ffmpeg';
import type { Tools } from '../../core/media/tools';

/** Bump when the preprocessing changes (filter, layout): every older entry is then a miss. */
export const clipCacheVersion = 2;

/** Temporary files older than this belong to a process that died; no clip takes this long. */
const staleTempMs = 60 * 60 * 1000;

export class MissingFrameError extends Error {
  override readonly name = 'MissingFrameError';
}

/** The frames of one event's recording that a cache entry holds, in this order. */
export interface ClipFrames {
  recording: Pick<Recording, 'id' | 'name' | 'mediaPath' | 'contentHash' | 'frameFormat' | 'width' | 'height' | 'faceBox'>;
  /** Named in errors. */
  eventId: number;
  frames: readonly number[];
}

export interface ClipCache {
  readonly dir: string;
  /** Entries found complete and entries built, counted per (clip, size). */
  readonly stats: { hits: number; misses: number };
  /** Makes sure an entry exists for each size; the missing ones come from one ffmpeg run. */
  ensure(clip: ClipFrames, sizes: readonly number[], signal: AbortSignal): Promise<void>;
  /** The `wanted` frames (each S·S·3 bytes) of an existing entry, read without loading the rest. */
  read(clip: ClipFrames, size: number, wanted: readonly number[]): Promise<Uint8Array[]>;
  /** The file of an entry (it may not exist yet). */
  fileOf(clip: ClipFrames, size: number): string;
}

export interface ClipCacheOptions {
  dataDir: string;
  /** Root of the frame store (`<dataDir>/media`). */
  mediaRoot: string;
  tools: Tools;
}

/** The crop of a recording: its face box, else the whole frame. */
function cropOf(recording: ClipFrames['recording']): FaceBox {
  const box = recording.faceBox ?? { x: 0, y: 0, width: recording.width, height: recording.height };
  // Fixed key order: the same box always hashes the same.
  return { x: box.x, y: box.y, width: box.width, height: box.height };
}

export function clipKey(clip: ClipFrames, size: number): string {
  const r = clip.recording;
  const parts = { v: clipCacheVersion, media: r.mediaPath, hash: r.contentHash, format: r.frameFormat, frames: clip.frames, crop: cropOf(r), size };
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex').slice(0, 40);
}

function sweepTemporaries(dir: string): void {
  const now = Date.now();
  for (const name of readdirSync(dir)) {
    if (!name.endsWith('.tmp') && !name.endsWith('.tmp.list')) continue;
    const file = path.join(dir, name);
    if (now - statSync(file).mtimeMs > staleTempMs) rmSync(file, { force: true });
  }
}

export function createClipCache(options: ClipCacheOptions): ClipCache {
  const dir = path.join(path.resolve(options.dataDir), 'cache', 'clips');
  const mediaRoot = path.resolve(options.mediaRoot);
  mkdirSync(dir, { recursive: true });
  sweepTemporaries(dir);
  const stats = { hits: 0, misses: 0 };
  const fileOf = (clip: ClipFrames, size: number) => path.join(dir, `${clipKey(clip, size)}.rgb`);
  const bytesOf = (clip: ClipFrames, size: number) => clip.frames.length * size * size * 3;
  const complete = (clip: ClipFrames, size: number) => {
    const file = fileOf(clip, size);
    return existsSync(file) && statSync(file).size === bytesOf(clip, size);
  };

  function frameFiles(clip: ClipFrames): string[] {
    const r = clip.recording;
    return clip.frames.map((n) => {
      const file = path.join(mediaRoot, r.mediaPath, 'frames', `${n}.${r.frameFormat}`);
      if (!existsSync(file)) throw new MissingFrameError(`Recording "${r.name}" (id ${r.id}), event ${clip.eventId}: frame ${n} has no image file (${file})`);
      return file;
    });
  }

  async function ensure(clip: ClipFrames, sizes: readonly number[], signal: AbortSignal): Promise<void> {
    const missing = sizes.filter((size) => !complete(clip, size));
    stats.hits += sizes.length - missing.length;
    if (missing.length === 0) return;
    if (signal.aborted) throw new JobCancelled();
    const files = frameFiles(clip);
    const outputs = missing.map((size) => ({ size, file: `${fileOf(clip, size)}.${process.pid}-${randomUUID().slice(0, 8)}.tmp` }));
    try {
      await writeRgbFrames({ files, crop: cropOf(clip.recording), outputs, tools: options.tools, signal });
      for (const { size, file } of outputs) {
        const bytes = statSync(file).size;
        if (bytes !== bytesOf(clip, size)) throw new Error(`ffmpeg wrote ${bytes} bytes for ${clip.frames.length} frames of ${size}x${size} (recording "${clip.recording.name}", event ${clip.eventId})`);
      }
      for (const { size, file } of outputs) renameSync(file, fileOf(clip, size));
      stats.misses += missing.length;
    } catch (error) {
      if (signal.aborted) throw new JobCancelled();
      throw error;
    } finally {
      for (const { file } of outputs) rmSync(file, { force: true });
    }
  }

  async function read(clip: ClipFrames, size: number, wanted: readonly number[]): Promise<Uint8Array[]> {
    const frameBytes = size * size * 3;
    const index = new Map(clip.frames.map((n, i) => [n, i]));
    const handle = await open(fileOf(clip, size), 'r');
    try {
      return await Promise.all(
        wanted.map(async (n) => {
          const i = index.get(n);
          if (i === undefined) throw new Error(`frame ${n} is not in the cached clip of event ${clip.eventId}`);
          const out = new Uint8Array(frameBytes);
          const { bytesRead } = await handle.read(out, 0, frameBytes, i * frameBytes);
          if (bytesRead !== frameBytes) throw new Error(`the cached clip of event ${clip.eventId} is shorter than its ${clip.frames.length} frames`);
          return out;
        }),
      );
    } finally {
      await handle.close();
    }
  }

  return { dir, stats, ensure, read, fileOf };
}
