import { mkdirSync, renameSync, rmdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { encodeRgbVideo } from '../media/encode-video';
import { demoPlan, type DemoPlan, type DemoScale } from './plan';
import { renderRecording } from './render';

export interface GenerateDemoOptions {
  /** Receives `<subject>/<stimulus>.mp4` (one folder per subject: one capture session each). */
  outDir: string;
  scale: DemoScale;
  seed: number;
  ffmpegPath: string;
  signal?: AbortSignal;
  /** fraction 0..1 of all frames rendered and encoded, and a line for the user. */
  onProgress?: (fraction: number, message: string) => void;
}

export type GeneratedDemo = Omit<DemoPlan, 'recordings'> & { recordings: (DemoPlan['recordings'][number] & { file: string })[] };

/** How often (in frames) progress is reported. */
const PROGRESS_EVERY = 25;

/**
 * Renders every recording of the demo plan and encodes it to H.264 mp4. Each file is written under
 * a temporary name and renamed when complete. On failure or cancellation (checked between frames)
 * every file this call wrote is removed again, so nothing half-made is left behind.
 */
export async function generateDemoVideos(options: GenerateDemoOptions): Promise<GeneratedDemo> {
  const { outDir, signal } = options;
  const plan = demoPlan(options.scale, options.seed);
  const total = plan.recordings.reduce((n, r) => n + r.frameCount, 0);
  const written: string[] = [];
  const madeDirs: string[] = [];
  const recordings: GeneratedDemo['recordings'] = [];
  let done = 0;
  try {
    for (const [index, rec] of plan.recordings.entries()) {
      signal?.throwIfAborted();
      const dir = path.join(outDir, rec.subjectCode);
      const made = mkdirSync(dir, { recursive: true });
      if (made) madeDirs.push(...ancestry(made, dir));
      const file = path.join(dir, `${rec.stimulus}.mp4`);
      const partial = path.join(dir, `.${rec.stimulus}.partial.mp4`);
      const label = `Rendering ${rec.name} (${index + 1}/${plan.recordings.length})`;
      options.onProgress?.(done / total, label);
      const start = done;
      function* frames(): Generator<Uint8Array> {
        let n = 0;
        for (const frame of renderRecording(plan, index)) {
          if (signal?.aborted) return;
          yield frame;
          n++;
          if (n % PROGRESS_EVERY === 0) options.onProgress?.((start + n) / total, label);
        }
      }
      written.push(partial);
      await encodeRgbVideo({ ffmpegPath: options.ffmpegPath, output: partial, width: plan.width, height: plan.height, fps: plan.fps, frames: frames(), ...(signal ? { signal } : {}) });
      signal?.throwIfAborted();
      renameSync(partial, file);
      written[written.length - 1] = file;
      done += rec.frameCount;
      recordings.push({ ...rec, file });
    }
  } catch (error) {
    for (const file of written) rmSync(file, { force: true });
    for (const dir of madeDirs.reverse()) {
      try {
        rmdirSync(dir);
      } catch {
        // not empty: something else lives there
      }
    }
    throw error;
  }
  options.onProgress?.(1, `Rendered ${plan.recordings.length} demo videos`);
  return { ...plan, recordings };
}

/** The folders from `first` (the first one mkdir created) down to `leaf`, outermost first. */
function ancestry(first: string, leaf: string): string[] {
  const dirs: string[] = [];
  for (let d = leaf; d.length >= first.length; d = path.dirname(d)) {
    dirs.unshift(d);
    if (d === first || path.dirname(d) === d) break;
  }
  return dirs;
}
