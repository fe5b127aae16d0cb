import { copyFileSync, constants, mkdirSync } from 'node:fs';
import path from 'node:path';
import { ApiError } from '../../../shared/api/errors';
import type { FaceBox } from '../../../shared/api/recordings';
import { MediaError, writeJpegFrames } from '../media/ffmpeg';
import type { Tools } from '../media/tools';
import type { ExportSample } from './samples';

/** How copied frames are changed on the way out. */
export interface FrameOptions {
  /** Crop each frame to its recording's face box, when the recording has one. */
  crop: boolean;
  /** Resize to size x size pixels; null keeps the size. */
  size: number | null;
}

export interface SampleFrames {
  /** Paths inside the export, '/'-separated, onset to offset (frames the recording lacks are skipped). */
  files: string[];
  width: number;
  height: number;
  /** Cut to the recording's face box (false: the whole frame). */
  cropped: boolean;
}

export interface SampleFramesTarget {
  /** The export folder being written. */
  root: string;
  /** The sample's folder inside it, e.g. `frames/<subject>/<clip>`. */
  dir: string;
  mediaRoot: string;
  /** ffmpeg, needed only when a frame is cropped or resized. */
  tools: Tools | null;
  signal: AbortSignal;
}

/**
 * Refuses face boxes that reach outside their frames: ffmpeg would quietly shift such a box
 * inside, and the export would hold faces cut from somewhere else than the box says.
 */
export function checkFaceBoxes(samples: readonly ExportSample[]): void {
  const outside = [...new Map(samples.map((s) => [s.recording.id, s.recording])).values()].filter(
    (r) => r.faceBox !== null && (r.faceBox.x + r.faceBox.width > r.width || r.faceBox.y + r.faceBox.height > r.height),
  );
  if (outside.length === 0) return;
  const named = outside.map((r) => `"${r.name}" (${r.faceBox!.width}x${r.faceBox!.height} at (${r.faceBox!.x}, ${r.faceBox!.y}) in ${r.width}x${r.height})`);
  throw new ApiError('VALIDATION', `The face box of ${named.join(', ')} reaches outside the frame; redraw it, or export without cropping`, [{ path: 'frameCrop', message: 'a face box reaches outside its frame' }]);
}

/**
 * Writes a sample's onset..offset frames as `img<n>`: file copies (byte for byte, in the stored
 * format) when nothing changes them, otherwise one ffmpeg process writing `img<n>.jpg`.
 */
export async function writeSampleFrames(s: ExportSample, options: FrameOptions, target: SampleFramesTarget): Promise<SampleFrames> {
  const r = s.recording;
  const box: FaceBox | null = options.crop ? r.faceBox : null;
  const changed = box !== null || options.size !== null;
  const missing = new Set(r.missingFrames);
  const numbers: number[] = [];
  for (let n = s.event.onset; n <= s.event.offset; n++) if (!missing.has(n)) numbers.push(n);
  mkdirSync(path.join(target.root, target.dir), { recursive: true });
  const source = (n: number) => path.join(target.mediaRoot, r.mediaPath, 'frames', `${n}.${r.frameFormat}`);
  const files = numbers.map((n) => path.join(target.dir, `img${n}.${changed ? 'jpg' : r.frameFormat}`));
  if (!changed) {
    numbers.forEach((n, i) => copyFileSync(source(n), path.join(target.root, files[i]!), constants.COPYFILE_FICLONE));
  } else if (numbers.length > 0) {
    if (!target.tools) throw new MediaError('Cropping or resizing frames needs ffmpeg');
    try {
      await writeJpegFrames({ files: numbers.map(source), outputs: files.map((f) => path.join(target.root, f)), crop: box, size: options.size, tools: target.tools, signal: target.signal });
    } catch (error) {
      // Name the recording: ffmpeg's own message only names a frame file.
      if (error instanceof MediaError && !target.signal.aborted) throw new MediaError(`Recording "${r.name}", event ${s.event.id}: ${error.message}`);
      throw error;
    }
  }
  const cut = box ?? { width: r.width, height: r.height };
  return {
    files: files.map((f) => f.split(path.sep).join('/')),
    width: options.size ?? cut.width,
    height: options.size ?? cut.height,
    cropped: box !== null,
  };
}
