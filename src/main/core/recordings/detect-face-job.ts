import path from 'node:path';
import { ApiError } from '../../../shared/api/errors';
import { jobKinds, type JobResult } from '../../../shared/api/jobs';
import { MIN_FACE_BOX_SIDE, type FaceBox, type Recording } from '../../../shared/api/recordings';
import { boxBetween } from '../../../shared/domain/face-box';
import { detectFaces, FACE_DETECTOR } from '../../ml/face/detect-face';
import { notFound } from '../errors';
import { createProjectsRepository } from '../db/repositories/projects';
import { createRecordingsRepository } from '../db/repositories/recordings';
import { readImageRgb } from '../media/ffmpeg';
import { requireTools, type Tools } from '../media/tools';
import type { JobContext, JobRunner } from '../jobs/worker/context';

/** The detector sees at most this many pixels a side: BlazeFace looks at 128, and bigger costs time only. */
const DETECTION_SIDE = 512;
/** A detected box (in the scaled image) in whole frame pixels, inside the frame; null when too small to be a face box. */
function inFrame(box: { x: number; y: number; width: number; height: number }, scale: number, width: number, height: number): FaceBox | null {
  const framed = boxBetween({ x: box.x * scale, y: box.y * scale }, { x: (box.x + box.width) * scale, y: (box.y + box.height) * scale }, width, height);
  return framed.width >= MIN_FACE_BOX_SIDE && framed.height >= MIN_FACE_BOX_SIDE ? framed : null;
}

/** The most confident face on one frame of a recording, in frame pixels; null when there is none. */
async function detectOnFrame(ctx: JobContext, tools: Tools, recording: Recording, frame: number): Promise<{ faceBox: FaceBox; score: number } | null> {
  const file = path.join(ctx.mediaRoot, recording.mediaPath, 'frames', `${frame}.${recording.frameFormat}`);
  const image = await readImageRgb(file, recording, DETECTION_SIDE, tools, ctx.signal);
  const [best] = await detectFaces(image);
  const faceBox = best ? inFrame(best, recording.width / image.width, recording.width, recording.height) : null;
  return faceBox && best ? { faceBox, score: best.score } : null;
}

/** The `recordings.detect-face` job: the most confident face on one frame, as a face box to confirm. Nothing is saved. */
export const detectFaceJob: JobRunner = async (raw, ctx) => {
  const p = jobKinds['recordings.detect-face'].params.parse(raw);
  const recording = createRecordingsRepository(ctx.db).get(p.recordingId);
  if (!recording) throw notFound('Recording', p.recordingId);
  if (p.frame < recording.firstFrame || p.frame > recording.lastFrame) {
    throw new ApiError('VALIDATION', `Frame ${p.frame} is outside ${recording.name} (frames ${recording.firstFrame}–${recording.lastFrame})`, [{ path: 'frame', message: 'outside the recording' }]);
  }
  if (recording.missingFrames.includes(p.frame)) {
    throw new ApiError('VALIDATION', `Frame ${p.frame} of ${recording.name} has no image; choose another frame`, [{ path: 'frame', message: 'a missing frame' }]);
  }
  await ctx.progress(0, `Looking for a face on frame ${p.frame}`);
  const found = await detectOnFrame(ctx, requireTools(ctx.tools), recording, p.frame);
  const result: JobResult<'recordings.detect-face'> = { recordingId: recording.id, frame: p.frame, faceBox: found?.faceBox ?? null, score: found?.score ?? null, detector: FACE_DETECTOR };
  const message = found ? `Face found on frame ${p.frame} (${(found.score * 100).toFixed(0)} % sure)` : `No face found on frame ${p.frame}`;
  return { result, message };
};

/**
 * The `recordings.detect-faces` job: a face box for every recording of a project that has none,
 * detected on its first frame and saved at once. Boxes already there (drawn or detected) are kept;
 * a cancel keeps the boxes saved so far.
 */
export const detectFacesJob: JobRunner = async (raw, ctx) => {
  const p = jobKinds['recordings.detect-faces'].params.parse(raw);
  const project = createProjectsRepository(ctx.db).get(p.projectId);
  if (!project) throw notFound('Project', p.projectId);
  const tools = requireTools(ctx.tools);
  const repository = createRecordingsRepository(ctx.db);
  const all = repository.list(p.projectId);
  const todo = all.filter((r) => r.faceBox === null);
  const noFace: string[] = [];
  let detected = 0;
  for (const [i, recording] of todo.entries()) {
    await ctx.progress(i / todo.length, `${recording.name} (${i + 1} of ${todo.length})`);
    // A recording deleted meanwhile (its frames with it) is passed over, not an error.
    const found = await detectOnFrame(ctx, tools, recording, recording.firstFrame).catch((error: unknown) => {
      if (repository.get(recording.id) === undefined) return undefined;
      throw error;
    });
    if (found === undefined) continue;
    if (!found) {
      noFace.push(recording.name);
    } else if (repository.get(recording.id)?.faceBox === null) {
      // Read again: a box drawn meanwhile wins.
      repository.setFaceBox(recording.id, found.faceBox);
      detected++;
    }
  }
  const result: JobResult<'recordings.detect-faces'> = { projectId: p.projectId, detected, noFace, kept: all.length - todo.length, detector: FACE_DETECTOR };
  const missed = noFace.length > 0 ? `; no face found in ${noFace.length}` : '';
  return { result, message: `Face boxes for ${detected} of ${todo.length} recordings${missed}` };
};
