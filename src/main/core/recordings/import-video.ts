import path from 'node:path';
import { PREVIEWS_PER_SHEET } from '../../../shared/domain/preview-sheets';
import type { FrameFormat } from '../../../shared/api/recordings';
import type { NewRecording } from '../db/repositories/recordings';
import { createRecordingsRepository } from '../db/repositories/recordings';
import { frameTimes, MediaError, probeVideo, warmCapabilities } from '../media/ffmpeg';
import { hashFile } from '../media/file-hash';
import { decodeVideoSegmented } from '../media/segmented-decode';
import { createStaging, discard, type Staging } from '../media/frame-store';
import type { Tools } from '../media/tools';
import type { JobContext } from '../jobs/worker/context';
import { JobCancelled } from '../jobs/worker/context';
import { stagedFrameNumbers } from './store';
import type { RecordingOwner } from './target';

export const previewWidth = 160;

export interface StagedVideo {
  staging: Staging;
  recording: NewRecording;
}

export type VideoOutcome = { kind: 'duplicate'; recordingId: number } | { kind: 'staged'; staged: StagedVideo };

/** Maps a fraction of this video's work onto the job's progress bar. */
export type Span = (fraction: number) => number;

/**
 * Probes, hashes and decodes one video into a staging folder. The caller commits it (or
 * discards it); a duplicate of a recording already in the project is reported instead.
 */
export async function stageVideo(
  ctx: JobContext,
  tools: Tools,
  owner: RecordingOwner,
  options: { file: string; stimulus: string; name?: string | undefined; format: FrameFormat; span: Span },
): Promise<VideoOutcome> {
  const { file, span } = options;
  const label = path.basename(file);
  await ctx.progress(span(0), `Reading ${label}`);
  // Listing the frames' times reads the whole file as the probe does: both run at once, and
  // fluent-ffmpeg's questions to ffmpeg are answered meanwhile too.
  const times = frameTimes(file, tools, ctx.signal).catch(() => null);
  void warmCapabilities(tools);
  const probe = await probeVideo(file, tools);
  if (probe.frameCount === 0) throw new MediaError(`${label} has no video frames`);
  if (probe.frameCount === 1) throw new MediaError(`${label} has a single frame; a recording needs at least two`);
  const hash = await hashFile(file, ctx.signal, (bytes) => ctx.report(span((0.05 * bytes) / Math.max(1, probe.sizeBytes)), `Checking ${label}`));
  const existing = createRecordingsRepository(ctx.db).findByHash(owner.projectId, hash);
  if (existing) return { kind: 'duplicate', recordingId: existing.id };

  await ctx.progress(span(0.05), `Decoding ${label}`);
  const staging = createStaging(ctx.mediaRoot);
  try {
    await decodeVideoSegmented({
      input: file,
      frameCount: probe.frameCount,
      times,
      tools,
      outDir: staging.dir,
      format: options.format,
      pixels: probe.pixels,
      previewWidth,
      signal: ctx.signal,
      onProgress: (done, fps) =>
        ctx.report(span(0.05 + (0.95 * done) / probe.frameCount), `${label}: frame ${done} of ${probe.frameCount}${fps > 0 ? ` (${Math.round(fps)} fps)` : ''}`),
    });
    if (ctx.signal.aborted) throw new JobCancelled();
    const frames = stagedFrameNumbers(staging);
    if (frames.length < 2) throw new MediaError(`${label} decoded to ${frames.length} frame(s); a recording needs at least two`);
    if (frames.at(-1) !== frames.length - 1) throw new MediaError(`${label}: the decoded frames are not numbered 0..${frames.length - 1}`);
    return {
      kind: 'staged',
      staged: {
        staging,
        recording: {
          projectId: owner.projectId,
          sessionId: owner.sessionId,
          subjectId: owner.subjectId,
          name: options.name ?? path.basename(file, path.extname(file)),
          stimulus: options.stimulus,
          sourceKind: 'video',
          sourcePath: path.resolve(file),
          contentHash: hash,
          fpsNum: probe.fps.num,
          fpsDen: probe.fps.den,
          width: probe.width,
          height: probe.height,
          frameCount: frames.length,
          firstFrame: 0,
          missingFrames: [],
          frameFormat: options.format,
          mediaPath: staging.mediaPath,
          previewsPerSheet: PREVIEWS_PER_SHEET,
          codec: probe.codec,
          rotation: probe.rotation,
          durationSec: frames.length / (probe.fps.num / probe.fps.den),
        },
      },
    };
  } catch (error) {
    discard(staging.dir);
    throw error;
  }
}
