import { z } from 'zod';
import { BackupReason } from './backups';
import { Id, Name, Timestamp } from './common';
import { DatasetImportParams, ImportReport } from './datasets';
import { ModelExportParams, ModelExportResult, ModelPredictParams, ModelPredictResult } from './models';
import { ExportArchiveParams, ExportArchiveResult, ImportArchiveParams, ImportArchiveResult } from './project-archive';
import { FaceBox, FrameFormat } from './recordings';
import { TrainingConfig } from './training';

const ImportTarget = {
  projectId: Id,
  subjectId: Id.nullable().optional(),
  sessionId: Id.nullable().optional(),
  stimulus: z.string().trim().max(200).optional(),
  name: Name(200).optional(),
};

const ImportedRecording = z.object({
  recordingId: Id,
  /** The same content was already in the project; nothing was imported. */
  duplicate: z.boolean(),
  frames: z.number().int(),
  firstFrame: z.number().int(),
  /** "num/den" */
  fps: z.string(),
  width: z.number().int(),
  height: z.number().int(),
});

const Share = z.number().min(0).max(1);
const HoldoutShares = z
  .tuple([Share.gt(0, 'must be more than 0'), Share, Share.gt(0, 'must be more than 0')])
  .refine(([train, validation, test]) => Math.abs(train + validation + test - 1) < 1e-6, 'the train, validation and test shares must add up to 1');

export const jobStatuses = ['queued', 'running', 'succeeded', 'failed', 'cancelled', 'interrupted'] as const;
export const JobStatus = z.enum(jobStatuses);
export type JobStatus = z.infer<typeof JobStatus>;

export const finishedStatuses: readonly JobStatus[] = ['succeeded', 'failed', 'cancelled', 'interrupted'];

export function isFinished(status: JobStatus): boolean {
  return finishedStatuses.includes(status);
}

/** Every job kind with its parameters and its result. Later issues add import and training. */
export const jobKinds = {
  'db.integrity': {
    params: z.object({}).strict(),
    result: z.object({ ok: z.boolean(), problems: z.array(z.string()), tables: z.record(z.string(), z.number()) }),
  },
  /** The database (SQLite backup API) and the files it refers to, as a folder in `<data>/backups` (backups.ts). */
  'db.backup': {
    params: z.object({ reason: BackupReason.exclude(['before-restore']).optional() }).strict(),
    result: z.object({ name: z.string(), dir: z.string(), file: z.string(), bytes: z.number(), pruned: z.array(z.string()) }),
  },
  'recordings.import-video': {
    params: z.object({ ...ImportTarget, path: z.string().min(1).max(4096), frameFormat: FrameFormat.optional() }).strict(),
    result: ImportedRecording,
  },
  'recordings.import-images': {
    params: z
      .object({ ...ImportTarget, dir: z.string().min(1).max(4096), fps: z.number().positive().max(10000).optional() })
      .strict(),
    result: ImportedRecording.extend({ gaps: z.array(z.number().int()), duplicates: z.array(z.string()), unnumbered: z.array(z.string()) }),
  },
  'recordings.import-session': {
    params: z
      .object({
        projectId: Id,
        subjectId: Id.nullable().optional(),
        /** A folder of one session's videos; each file's name (without extension) is its stimulus code. */
        dir: z.string().min(1).max(4096),
        capturedOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date like 2026-11-21').nullable().optional(),
        operator: z.string().trim().max(200).optional(),
        camera: z.record(z.string().max(100), z.string().max(1000)).optional(),
        notes: z.string().max(10000).optional(),
        frameFormat: FrameFormat.optional(),
      })
      .strict(),
    result: z.object({ sessionId: Id, recordingIds: z.array(Id), frames: z.number().int() }),
  },
  /** Imports a public dataset (or a described one) from its root folder and label sheet. */
  'datasets.import': {
    params: DatasetImportParams,
    result: ImportReport,
  },
  'datasets.export': {
    params: z
      .object({
        projectId: Id,
        protocol: z.enum(['kfold', 'loso', 'megc', 'lodo', 'holdout', 'kfold-subject-dependent']),
        folds: z.number().int().min(2).max(50).optional(),
        seed: z.number().int().optional(),
        /** holdout: shares of subjects for train, validation and test (default 0.7 / 0.15 / 0.15). */
        holdout: HoldoutShares.optional(),
        /** A key from mappings.list; the MEGC protocol finds the project's MEGC mapping itself. */
        mapping: z.string().max(200).optional(),
        annotatorIds: z.array(Id).optional(),
        excludeFlagged: z.boolean().optional(),
        copyFrames: z.boolean().optional(),
        /** Crop copied frames to their recording's face box; recordings without one are copied whole. */
        frameCrop: z.boolean().optional(),
        /** Resize copied frames to S x S pixels (e.g. 224); null keeps their size. */
        frameSize: z.number().int('must be a whole number of pixels').min(16, 'must be 16 to 2048 pixels').max(2048, 'must be 16 to 2048 pixels').nullable().optional(),
        out: z.string().min(1).max(4096),
      })
      .strict()
      // Without copied frames there is nothing to crop or resize: say so rather than ignore it.
      .refine((p) => p.copyFrames === true || !p.frameCrop, { message: 'applies only when the frames are copied (copyFrames)', path: ['frameCrop'] })
      .refine((p) => p.copyFrames === true || (p.frameSize ?? null) === null, { message: 'applies only when the frames are copied (copyFrames)', path: ['frameSize'] }),
    result: z.object({
      dir: z.string(), folds: z.number().int(), samples: z.number().int(), subjects: z.number().int(), leaks: z.number().int(), dropped: z.number().int(), frames: z.number().int(),
      /** The events left out, with why (as in the manifest's "dropped"). */
      droppedEvents: z.array(z.object({ eventId: Id, reason: z.string() })),
    }),
  },
  /** Trains a configuration (MODEL.md) over its folds, or resumes an interrupted run from its checkpoint. */
  'training.run': {
    params: z.union([z.object({ config: TrainingConfig, name: Name(200).optional(), group: Name(200).optional() }).strict(), z.object({ resumeRunId: Id }).strict()]),
    result: z.object({ runId: Id, backend: z.string(), folds: z.number().int(), accuracy: z.number().nullable(), uf1: z.number().nullable(), uar: z.number().nullable() }),
  },
  /** Times a few training steps of a configuration on its backend: the cost of a run before it is launched. */
  'training.probe': {
    params: z.object({ config: TrainingConfig }).strict(),
    result: z.object({
      backend: z.string(),
      threads: z.number().int(),
      trainSamples: z.number().int(),
      stepsPerEpoch: z.number().int(),
      stages: z.array(z.object({ stage: z.number().int(), stepMs: z.number(), epochSeconds: z.number() })),
      runSeconds: z.number(),
    }),
  },
  /** Saves fold models of a run in the TensorFlow.js format (model.json + weight shards per fold). */
  'models.export': {
    params: ModelExportParams,
    result: ModelExportResult,
  },
  /** Predicts events with a run's fold model or an exported TF.js model. */
  'models.predict': {
    params: ModelPredictParams,
    result: ModelPredictResult,
  },
  /** Proposes a recording's face box from one frame, with a face detector that runs offline; nothing is saved. */
  'recordings.detect-face': {
    params: z.object({ recordingId: Id, frame: z.number().int() }).strict(),
    result: z.object({
      recordingId: Id,
      frame: z.number().int(),
      /** The most confident face, in frame pixels; null when none was found. */
      faceBox: FaceBox.nullable(),
      score: z.number().nullable(),
      detector: z.string(),
    }),
  },
  /** Detects and saves a face box, on its first frame, for every recording of a project that has none. */
  'recordings.detect-faces': {
    params: z.object({ projectId: Id }).strict(),
    result: z.object({
      projectId: Id,
      /** Recordings that got a box. */
      detected: z.number().int(),
      /** Recordings where no face was found, by name. */
      noFace: z.array(z.string()),
      /** Recordings that had a box already and were left alone. */
      kept: z.number().int(),
      detector: z.string(),
    }),
  },
  'demo.create': {
    params: z.object({ scale: z.enum(['full', 'small']).optional() }).strict(),
    result: z.object({ projectId: Id, project: z.string(), subjects: z.number().int(), recordings: z.number().int(), events: z.number().int(), created: z.boolean() }),
  },
  /** Writes a whole project (rows, frames, run folders) into one `.merproj` archive (project-archive.ts). */
  'projects.export-archive': {
    params: ExportArchiveParams,
    result: ExportArchiveResult,
  },
  /** Opens a `.merproj` archive as a new project, every id renumbered; all or nothing. */
  'projects.import-archive': {
    params: ImportArchiveParams,
    result: ImportArchiveResult,
  },
} as const;

export type JobKind = keyof typeof jobKinds;
export const JobKind = z.enum(Object.keys(jobKinds) as [JobKind, ...JobKind[]]);
export type JobParams<K extends JobKind> = z.infer<(typeof jobKinds)[K]['params']>;
export type JobResult<K extends JobKind> = z.infer<(typeof jobKinds)[K]['result']>;

export const Job = z.object({
  id: Id,
  kind: JobKind,
  status: JobStatus,
  /** 0..1 */
  progress: z.number(),
  message: z.string(),
  params: z.unknown(),
  result: z.unknown().nullable(),
  error: z.string().nullable(),
  cancellable: z.boolean(),
  createdAt: Timestamp,
  startedAt: Timestamp.nullable(),
  finishedAt: Timestamp.nullable(),
});
export type Job = z.infer<typeof Job>;

export const StartJob = z
  .object({ kind: JobKind, params: z.unknown().optional() })
  .strict();

export const ListJobs = z
  .object({ active: z.boolean().optional(), limit: z.number().int().min(1).max(500).optional() })
  .strict();

export const WaitJob = z
  .object({ id: Id, timeoutMs: z.number().int().min(0).max(600_000).optional() })
  .strict();
