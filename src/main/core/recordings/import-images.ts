import { createHash } from 'node:crypto';
import { copyFileSync, constants, readFileSync, renameSync } from 'node:fs';
import path from 'node:path';
import { PREVIEWS_PER_SHEET } from '../../../shared/domain/preview-sheets';
import { createRecordingsRepository } from '../db/repositories/recordings';
import { convertSequence } from '../media/ffmpeg';
import { createStaging, discard } from '../media/frame-store';
import { ImageFolderError, scanImageFolder, type ScannedFolder } from '../media/image-folder';
import { rationalFromNumber } from '../media/rational';
import type { Tools } from '../media/tools';
import { JobCancelled, type JobContext } from '../jobs/worker/context';
import { previewWidth, type VideoOutcome } from './import-video';
import type { RecordingOwner } from './target';

/** A folder whose numbers jump far more than its files could fill is almost surely mislabelled. */
const maxGapRatio = 10;

function checkNumbering(scan: ScannedFolder): void {
  const span = scan.lastFrame - scan.firstFrame + 1;
  if (span > maxGapRatio * scan.frameCount + 1000) {
    throw new ImageFolderError(
      `${scan.dir}: ${scan.frameCount} images are numbered from ${scan.firstFrame} to ${scan.lastFrame}; that many missing frames suggests the names are not frame numbers`,
    );
  }
}

/** The content hash of a sequence: every frame's number and bytes, in frame order. */
function hashSequence(scan: ScannedFolder, ctx: JobContext, span: (f: number) => number): string {
  const hash = createHash('sha256');
  scan.files.forEach(({ frame, file }, i) => {
    if (ctx.signal.aborted) throw new JobCancelled();
    hash.update(`${frame}\0`);
    hash.update(readFileSync(path.join(scan.dir, file)));
    if (i % 50 === 0) ctx.report(span((0.2 * i) / scan.files.length), `Checking frame ${frame}`);
  });
  return hash.digest('hex');
}

/**
 * The images in frame-number order with one entry per number from the first to the last, so a
 * preview's place in its sheet follows from its number; a missing number repeats the image before
 * it (the timeline shows a gap there, never that preview).
 */
function everyFrameNumber(scan: ScannedFolder): string[] {
  const images: string[] = [];
  for (const { frame, file } of scan.files) {
    const image = path.join(scan.dir, file);
    while (images.length < frame - scan.firstFrame) images.push(images.at(-1) ?? image);
    images.push(image);
  }
  return images;
}

export interface StagedImages {
  outcome: VideoOutcome;
  scan: ScannedFolder;
}

/** Copies an image-sequence folder into a staging folder, keyed by the numbers in the file names. */
export async function stageImageFolder(
  ctx: JobContext,
  tools: Tools,
  owner: RecordingOwner,
  options: { dir: string; fps: number; stimulus: string; name?: string | undefined; span: (f: number) => number },
): Promise<StagedImages> {
  const { span } = options;
  await ctx.progress(span(0), `Reading ${options.dir}`);
  const scan = scanImageFolder(options.dir);
  if (scan.frameCount < 2) throw new ImageFolderError(`${options.dir} has a single numbered image; a recording needs at least two`);
  checkNumbering(scan);
  const hash = hashSequence(scan, ctx, span);
  const existing = createRecordingsRepository(ctx.db).findByHash(owner.projectId, hash);
  if (existing) return { scan, outcome: { kind: 'duplicate', recordingId: existing.id } };

  const staging = createStaging(ctx.mediaRoot);
  try {
    // JPEG and PNG frames are stored as they are (no re-encoding); BMP becomes PNG.
    const format = scan.extension === 'png' || scan.extension === 'bmp' ? 'png' : 'jpg';
    for (const [i, { frame, file }] of scan.files.entries()) {
      if (i % 25 === 0) await ctx.progress(span(0.2 + (0.6 * i) / scan.files.length), `Copying frame ${frame} (${i + 1} of ${scan.frameCount})`);
      if (scan.extension !== 'bmp') copyFileSync(path.join(scan.dir, file), path.join(staging.dir, 'frames', `${frame}.${format}`), constants.COPYFILE_FICLONE);
    }
    await ctx.progress(span(0.8), 'Making previews');
    await convertSequence(everyFrameNumber(scan), path.join(staging.dir, 'previews'), 'preview', previewWidth, tools, ctx.signal);
    if (scan.extension === 'bmp') {
      const converted = path.join(staging.dir, 'converted');
      await convertSequence(scan.files.map(({ file }) => path.join(scan.dir, file)), converted, 'png', 0, tools, ctx.signal);
      // ffmpeg numbers its outputs 0..N-1 in list order; give each its frame number.
      for (const [i, { frame }] of scan.files.entries()) renameSync(path.join(converted, `${i}.png`), path.join(staging.dir, 'frames', `${frame}.png`));
      discard(converted);
    }
    const fps = rationalFromNumber(options.fps);
    return {
      scan,
      outcome: {
        kind: 'staged',
        staged: {
          staging,
          recording: {
            projectId: owner.projectId,
            sessionId: owner.sessionId,
            subjectId: owner.subjectId,
            name: options.name ?? path.basename(path.resolve(options.dir)),
            stimulus: options.stimulus,
            sourceKind: 'images',
            sourcePath: path.resolve(options.dir),
            contentHash: hash,
            fpsNum: fps.num,
            fpsDen: fps.den,
            width: scan.width,
            height: scan.height,
            frameCount: scan.frameCount,
            firstFrame: scan.firstFrame,
            missingFrames: scan.gaps,
            frameFormat: format,
            mediaPath: staging.mediaPath,
            previewsPerSheet: PREVIEWS_PER_SHEET,
            codec: null,
            rotation: 0,
            durationSec: (scan.lastFrame - scan.firstFrame + 1) / options.fps,
          },
        },
      },
    };
  } catch (error) {
    discard(staging.dir);
    throw error;
  }
}

