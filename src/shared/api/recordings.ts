import { z } from 'zod';
import { Id, Name, Timestamp } from './common';

/** A frame rate as the exact rational the container declares, e.g. 30000/1001. */
export const Rational = z.object({ num: z.number().int().positive(), den: z.number().int().positive() });
export type Rational = z.infer<typeof Rational>;

/** The smallest face box side, in frame pixels. */
export const MIN_FACE_BOX_SIDE = 8;

/** A rectangle in the recording's frame pixels. */
export const FaceBox = z
  .object({
    x: z.number().int().min(0),
    y: z.number().int().min(0),
    width: z.number().int().min(MIN_FACE_BOX_SIDE, `must be at least ${MIN_FACE_BOX_SIDE} pixels`),
    height: z.number().int().min(MIN_FACE_BOX_SIDE, `must be at least ${MIN_FACE_BOX_SIDE} pixels`),
  })
  .strict();
export type FaceBox = z.infer<typeof FaceBox>;

export const FrameFormat = z.enum(['jpg', 'png']);
export type FrameFormat = z.infer<typeof FrameFormat>;

export const Recording = z.object({
  id: Id,
  projectId: Id,
  sessionId: Id.nullable(),
  subjectId: Id.nullable(),
  subjectCode: z.string().nullable(),
  name: z.string(),
  /** The stimulus or inducement code (SDU/SAMM style), '' when unknown. */
  stimulus: z.string(),
  sourceKind: z.enum(['video', 'images']),
  sourcePath: z.string(),
  contentHash: z.string(),
  fps: Rational,
  width: z.number().int(),
  height: z.number().int(),
  /** Frames actually stored. */
  frameCount: z.number().int(),
  /** Frame numbers run from firstFrame to lastFrame; numbers in missingFrames have no image. */
  firstFrame: z.number().int(),
  lastFrame: z.number().int(),
  missingFrames: z.array(z.number().int()),
  frameFormat: FrameFormat,
  /** Folder of this recording below the media root: `<mediaPath>/frames/<n>.<fmt>` and `<mediaPath>/previews/`. */
  mediaPath: z.string(),
  /** Previews per sheet in `<mediaPath>/previews/` (shared/domain/preview-sheets.ts); null: one file per frame. */
  previewsPerSheet: z.number().int().positive().nullable(),
  codec: z.string().nullable(),
  rotation: z.number().int(),
  durationSec: z.number(),
  faceBox: FaceBox.nullable(),
  eventCount: z.number().int(),
  createdAt: Timestamp,
});
export type Recording = z.infer<typeof Recording>;

export const ListRecordings = z.object({ projectId: Id, subjectId: Id.optional() }).strict();

export const UpdateRecording = z
  .object({
    id: Id,
    name: Name(200).optional(),
    /** null removes the subject. */
    subjectId: Id.nullable().optional(),
    sessionId: Id.nullable().optional(),
    stimulus: z.string().trim().max(200).optional(),
  })
  .strict();

export const SetFaceBox = z.object({ id: Id, faceBox: FaceBox.nullable() }).strict();

export const CaptureSession = z.object({
  id: Id,
  projectId: Id,
  subjectId: Id.nullable(),
  /** ISO date (YYYY-MM-DD) or null. */
  capturedOn: z.string().nullable(),
  operator: z.string(),
  /** Free camera settings, e.g. {"fps": "50", "resolution": "1024x1024", "lens": "..."} */
  camera: z.record(z.string(), z.string()),
  /** Stimuli shown, in order (their codes). */
  stimuli: z.array(z.string()),
  notes: z.string(),
  recordingCount: z.number().int(),
  createdAt: Timestamp,
});
export type CaptureSession = z.infer<typeof CaptureSession>;

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date like 2026-11-21');
export const SessionFields = z.object({
  subjectId: Id.nullable().optional(),
  capturedOn: IsoDate.nullable().optional(),
  operator: z.string().trim().max(200).optional(),
  camera: z.record(z.string().max(100), z.string().max(1000)).optional(),
  stimuli: z.array(z.string().trim().min(1).max(200)).max(1000).optional(),
  notes: z.string().max(10000).optional(),
});
export const CreateSession = SessionFields.extend({ projectId: Id }).strict();
export const UpdateSession = SessionFields.extend({ id: Id }).strict();
