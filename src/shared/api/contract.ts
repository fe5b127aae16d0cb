import { z } from 'zod';
import { AppInfo } from './app';
import { BackupCheck, BackupInfo, BackupSchedule, BackupSettings, ByBackupName, RestoreResult } from './backups';
import { DatasetPreviewInput, ImportReport, InspectSheetInput, SheetInspection, StoredImportReport } from './datasets';
import { Empty, Id, Ok } from './common';
import { Job, ListJobs, StartJob, WaitJob } from './jobs';
import { CreateProject, Project, UpdateProject } from './projects';
import { CreateSubject, Subject, UpdateSubject } from './subjects';
import { AdjudicateEvents, AgreementQuery, AgreementReport, Annotator, CreateAnnotator, CreateEvent, DeleteEvent, EventChange, EventPage, LabelEvent, ListEvents, UndoRedo, UndoResult, UpdateEvent } from './events';
import { LabelMappingInfo, LabelSetInfo, SaveMapping } from './mappings';
import { FolderListing, ImageFolderScan, ListFolder, PathInput, VideoProbe } from './media';
import { EpochRecord, Run, RunPrediction, RunSummary } from './training';
import { FoldAttention, FoldAttentionQuery, RunDiagnostics } from './training-diagnostics';
import { SavedSplitQuery, SavedSplitRead, TrainingDataPreview, TrainingDataQuery } from './training-preview';
import { CaptureSession, CreateSession, ListRecordings, Recording, SetFaceBox, UpdateRecording, UpdateSession } from './recordings';

function method<I extends z.ZodType, O extends z.ZodType>(input: I, output: O) {
  return { input, output };
}

const ById = z.object({ id: Id }).strict();

/** Every method of the workstation: the one place a method is defined. */
export const methods = {
  'app.info': method(Empty, AppInfo),

  'projects.list': method(Empty, z.array(Project)),
  'projects.get': method(ById, Project),
  'projects.create': method(CreateProject, Project),
  'projects.update': method(UpdateProject, Project),
  'projects.delete': method(ById, Ok),

  'subjects.list': method(z.object({ projectId: Id }).strict(), z.array(Subject)),
  'subjects.create': method(CreateSubject, Subject),
  'subjects.update': method(UpdateSubject, Subject),
  'subjects.delete': method(ById, Ok),

  'sessions.list': method(z.object({ projectId: Id }).strict(), z.array(CaptureSession)),
  'sessions.create': method(CreateSession, CaptureSession),
  'sessions.update': method(UpdateSession, CaptureSession),
  'sessions.delete': method(ById, Ok),

  'recordings.list': method(ListRecordings, z.array(Recording)),
  'recordings.get': method(ById, Recording),
  'recordings.update': method(UpdateRecording, Recording),
  'recordings.setFaceBox': method(SetFaceBox, Recording),
  /** Deletes the recording and its frames; refused while a job uses it. */
  'recordings.delete': method(ById, Ok),

  'annotators.list': method(Empty, z.array(Annotator)),
  'annotators.create': method(CreateAnnotator, Annotator),

  'events.list': method(ListEvents, EventPage),
  'events.get': method(ById, LabelEvent),
  'events.create': method(CreateEvent, LabelEvent),
  /** Refused with CONFLICT (and the current event in `details.current`) when `version` is stale. */
  'events.update': method(UpdateEvent, LabelEvent),
  'events.delete': method(DeleteEvent, Ok),
  'events.history': method(ById, z.array(EventChange)),
  /** Undoes the annotator's last change in the project (their own changes only). */
  'events.undo': method(UndoRedo, UndoResult),
  'events.redo': method(UndoRedo, UndoResult),
  /** A consensus event (owned by the annotator "consensus") made from two codings, field by field. */
  'events.adjudicate': method(AdjudicateEvents, LabelEvent),
  /** Agreement between every pair of the given annotators (default: all who coded in scope). */
  'agreement.report': method(AgreementQuery, AgreementReport),

  /** The label sets of the public datasets (and the SDU default). */
  'labels.sets': method(Empty, z.array(LabelSetInfo)),
  /** The project's own class mappings (editable) and the public datasets' (read-only). */
  'mappings.list': method(z.object({ projectId: Id }).strict(), z.array(LabelMappingInfo)),
  'mappings.save': method(SaveMapping, LabelMappingInfo),
  'mappings.delete': method(ById, Ok),

  /** Reads a video's metadata with ffprobe, without importing it. */
  'media.probe': method(PathInput, VideoProbe),
  /** Reads an image-sequence folder's frame numbers, without importing it. */
  'media.scanImages': method(PathInput, ImageFolderScan),
  /** Lists a folder on the machine that runs the backend (to pick files to import). */
  'files.list': method(ListFolder, FolderListing),

  /** Recognises a dataset and reports what importing it would do, row by row, without writing. */
  'datasets.preview': method(DatasetPreviewInput, ImportReport),
  /** A label sheet's tabs as they are (header row, first rows), to map the columns of a sheet no format knows. */
  'datasets.inspectSheet': method(InspectSheetInput, SheetInspection),
  /** The reports of a project's dataset imports, oldest first. */
  'datasets.reports': method(z.object({ projectId: Id }).strict(), z.array(StoredImportReport)),
  'datasets.report': method(ById, StoredImportReport.extend({ report: ImportReport })),

  'training.runs.list': method(z.object({ projectId: Id }).strict(), z.array(RunSummary)),
  'training.runs.get': method(ById, Run),
  'training.runs.epochs': method(ById, z.array(EpochRecord)),
  /** The samples and split a run of this data and protocol would use, and why it could not start (the Train wizard). */
  'training.previewData': method(TrainingDataQuery, TrainingDataPreview),
  /** A split saved by the Export page, checked (same project, its events still there) and read whole, for a run to train on. */
  'training.readSavedSplit': method(SavedSplitQuery, SavedSplitRead),
  /** Every test sample's prediction of the run's finished folds, by fold then event. */
  'training.runs.predictions': method(ById, z.array(RunPrediction)),
  /** Decoupling diagnostics of the run's finished folds: identity probes before/after (per fold and pooled), attention sample counts. */
  'training.runs.diagnostics': method(ById, RunDiagnostics),
  /** DAO attention maps of a finished fold's few test samples (NOT_FOUND for a fold without a result; empty when the MENet has no DAO). */
  'training.runs.attention': method(FoldAttentionQuery, FoldAttention),

  'jobs.start': method(StartJob, Job),
  'jobs.get': method(ById, Job),
  'jobs.list': method(ListJobs, z.array(Job)),
  'jobs.cancel': method(ById, Job),
  /** Resolves when the job has finished (or after timeoutMs with its current state). */
  'jobs.wait': method(WaitJob, Job),

  /** Backups in `<data>/backups`, newest first (backups.ts). */
  'backups.list': method(Empty, z.array(BackupInfo)),
  /** Starts a backup job (db.backup); refused while another backup runs. */
  'backups.start': method(Empty, Job),
  /** Checks a backup without changing anything: checksum, SQLite integrity, row counts, files. */
  'backups.verify': method(ByBackupName, BackupCheck),
  /** Replaces all data with the backup's, after a "before restore" backup; refused while jobs run or if the backup fails verification. */
  'backups.restore': method(ByBackupName, RestoreResult),
  'backups.delete': method(ByBackupName, Ok),
  'backups.schedule': method(Empty, BackupSchedule),
  'backups.setSchedule': method(BackupSettings, BackupSchedule),
} as const;

/** Every event the backend pushes: the one place an event is defined. */
export const events = {
  /** A job changed: status, or progress (throttled to about 10 per second per job). */
  'job.updated': Job,
  'projects.changed': z.object({ projectId: Id }),
  'subjects.changed': z.object({ projectId: Id }),
  'recordings.changed': z.object({ projectId: Id }),
  /** Events of a recording were created, changed or deleted (by anyone). */
  'events.changed': z.object({ projectId: Id, recordingId: Id }),
  'annotators.changed': z.object({}),
} as const;

export type Methods = typeof methods;
export type MethodName = keyof Methods;
/** What a caller passes. */
export type Input<M extends MethodName> = z.input<Methods[M]['input']>;
/** What a handler receives after validation. */
export type ParsedInput<M extends MethodName> = z.output<Methods[M]['input']>;
export type Output<M extends MethodName> = z.output<Methods[M]['output']>;

export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<E extends EventName> = z.output<Events[E]>;

export function isMethodName(name: string): name is MethodName {
  return Object.hasOwn(methods, name);
}

export function isEventName(name: string): name is EventName {
  return Object.hasOwn(events, name);
}
