import path from 'node:path';
import { ApiError } from '../../../shared/api/errors';
import { jobKinds, type JobResult } from '../../../shared/api/jobs';
import type { FaceBox } from '../../../shared/api/recordings';
import { detectFaces, FACE_DETECTOR } from '../../ml/face/detect-face';
import { notFound } from '../errors';
import { createRecordingsRepository } from '../db/repositories/recordings';
import { readImageRgb } from '../media/ffmpeg';
import { requireTools } from '../media/tools';
import type { JobRunner } from '../jobs/worker/context';

/** The detector sees at most this many pixels a side: BlazeFace looks at 128, and bigger costs time only. */
const DETECTION_SIDE = 512;
/** As recordings.setFaceBox asks. */
const MIN_SIDE = 8;

/** A detected box (in the scaled image) in whole frame pixels, inside the frame. */
function inFrame(box: { x: number; y: number; width: number; height: number }, scale: number, width: number, height: number): FaceBox | null {
  const x0 = Math.max(0, Math.floor(box.x * scale));
  const y0 = Math.max(0, Math.floor(box.y * scale));
  const x1 = Math.min(width, Math.ceil((box.x + box.width) * scale));
  const y1 = Math.min(height, Math.ceil((box.y + box.height) * scale));
  return x1 - x0 >= MIN_SIDE && y1 - y0 >= MIN_SIDE ? { x: x0, y: y0, width: x1 - x0, height: y1 - y0 } : null;
}

/** The `recordings.detect-face` job: the most confident face on one frame, as a face box to confirm. */
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
  await ctx.progress(0, `Reading frame ${p.frame}`);
  const file = path.join(ctx.mediaRoot, recording.mediaPath, 'frames', `${p.frame}.${recording.frameFormat}`);
  const image = await readImageRgb(file, recording, DETECTION_SIDE, requireTools(ctx.tools), ctx.signal);
  await ctx.progress(0.3, 'Looking for a face');
  const [best] = await detectFaces(image);
  const faceBox = best ? inFrame(best, recording.width / image.width, recording.width, recording.height) : null;
  const result: JobResult<'recordings.detect-face'> = { recordingId: recording.id, frame: p.frame, faceBox, score: faceBox && best ? best.score : null, detector: FACE_DETECTOR };
  const message = faceBox && best ? `Face found on frame ${p.frame} (${(best.score * 100).toFixed(0)} % sure)` : `No face found on frame ${p.frame}`;
  return { result, message };
};
