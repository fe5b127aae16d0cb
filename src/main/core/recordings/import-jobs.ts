import { readdirSync } from 'node:fs';
import path from 'node:path';
import { jobKinds, type JobParams, type JobResult } from '../../../shared/api/jobs';
import { createRecordingsRepository } from '../db/repositories/recordings';
import { createSessionsRepository } from '../db/repositories/sessions';
import type { JobContext, JobRunner } from '../jobs/worker/context';
import { discard } from '../media/frame-store';
import { formatRational } from '../media/rational';
import { requireTools } from '../media/tools';
import { stageImageFolder } from './import-images';
import { stageVideo, type StagedVideo } from './import-video';
import { commitRecordings } from './store';
import { resolveTarget } from './target';

const videoExtensions = new Set(['.mp4', '.avi', '.mov', '.mkv', '.m4v', '.webm', '.mpg', '.mpeg', '.wmv', '.mts']);

function summary(ctx: JobContext, recordingId: number, duplicate: boolean) {
  const r = createRecordingsRepository(ctx.db).get(recordingId);
  if (!r) throw new Error(`Recording ${recordingId} vanished`);
  return { recordingId, duplicate, frames: r.frameCount, firstFrame: r.firstFrame, fps: formatRational(r.fps), width: r.width, height: r.height };
}

export const importVideoJob: JobRunner = async (raw, ctx) => {
  const p: JobParams<'recordings.import-video'> = jobKinds['recordings.import-video'].params.parse(raw);
  const target = resolveTarget(ctx.db, p);
  const outcome = await stageVideo(ctx, requireTools(ctx.tools), target, {
    file: p.path,
    stimulus: p.stimulus ?? '',
    name: p.name,
    format: p.frameFormat ?? 'jpg',
    span: (f) => f * 0.99,
  });
  if (outcome.kind === 'duplicate') {
    const result = summary(ctx, outcome.recordingId, true);
    return { result, message: `Already imported as recording ${outcome.recordingId}; nothing changed` };
  }
  await ctx.progress(0.99, 'Saving');
  const [id] = commitRecordings(ctx.db, ctx.mediaRoot, [outcome.staged]);
  const result: JobResult<'recordings.import-video'> = summary(ctx, id!, false);
  return { result, message: `Imported ${result.frames} frames` };
};

export const importImagesJob: JobRunner = async (raw, ctx) => {
  const p = jobKinds['recordings.import-images'].params.parse(raw);
  const target = resolveTarget(ctx.db, p);
  const { outcome, scan } = await stageImageFolder(ctx, requireTools(ctx.tools), target, {
    dir: p.dir,
    fps: p.fps ?? target.project.defaultFps,
    stimulus: p.stimulus ?? '',
    name: p.name,
    span: (f) => f * 0.99,
  });
  const report = { gaps: scan.gaps, duplicates: scan.duplicates, unnumbered: scan.unnumbered };
  if (outcome.kind === 'duplicate') {
    return { result: { ...summary(ctx, outcome.recordingId, true), ...report }, message: `Already imported as recording ${outcome.recordingId}; nothing changed` };
  }
  await ctx.progress(0.99, 'Saving');
  const [id] = commitRecordings(ctx.db, ctx.mediaRoot, [outcome.staged]);
  const notes = [scan.gaps.length > 0 ? `${scan.gaps.length} missing frame(s)` : '', scan.duplicates.length > 0 ? `${scan.duplicates.length} duplicate file(s) skipped` : '']
    .filter(Boolean)
    .join(', ');
  return { result: { ...summary(ctx, id!, false), ...report }, message: `Imported ${scan.frameCount} frames${notes ? ` (${notes})` : ''}` };
};

/** One job for a whole capture session: every video is decoded first, then all are committed together. */
export const importSessionJob: JobRunner = async (raw, ctx) => {
  const p = jobKinds['recordings.import-session'].params.parse(raw);
  const target = resolveTarget(ctx.db, p);
  const tools = requireTools(ctx.tools);
  let files: string[];
  try {
    files = readdirSync(p.dir)
      .filter((f) => videoExtensions.has(path.extname(f).toLowerCase()))
      .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  } catch {
    throw new Error(`${p.dir} does not exist or cannot be read`);
  }
  if (files.length === 0) throw new Error(`${p.dir} has no video files (${[...videoExtensions].join(', ')})`);
  const stimuli = files.map((f) => path.basename(f, path.extname(f)));
  const staged: StagedVideo[] = [];
  const existing: number[] = [];
  try {
    for (const [i, file] of files.entries()) {
      const outcome = await stageVideo(ctx, tools, target, {
        file: path.join(p.dir, file),
        stimulus: stimuli[i]!,
        format: p.frameFormat ?? 'jpg',
        span: (f) => ((i + f) / files.length) * 0.99,
      });
      if (outcome.kind === 'duplicate') existing.push(outcome.recordingId);
      else staged.push(outcome.staged);
    }
    await ctx.progress(0.99, 'Saving the session');
    let sessionId = 0;
    const sessions = createSessionsRepository(ctx.db);
    const ids = commitRecordings(ctx.db, ctx.mediaRoot, staged, {
      before: () => {
        sessionId = sessions.insert(p.projectId, {
          subjectId: target.subjectId,
          capturedOn: p.capturedOn ?? null,
          operator: p.operator ?? '',
          camera: p.camera ?? {},
          stimuli,
          notes: p.notes ?? '',
        });
        for (const item of staged) item.recording.sessionId = sessionId;
      },
    });
    const recordingIds = [...ids, ...existing];
    const frames = staged.reduce((n, s) => n + s.recording.frameCount, 0);
    const skipped = existing.length > 0 ? `; ${existing.length} already imported` : '';
    return { result: { sessionId, recordingIds, frames }, message: `Imported ${ids.length} recording(s), ${frames} frames${skipped}` };
  } catch (error) {
    for (const s of staged) discard(s.staging.dir);
    throw error;
  }
};
