import path from 'node:path';
import { jobKinds } from '../../../../shared/api/jobs';
import type { ImportReport } from '../../../../shared/api/datasets';
import { auNumbers, parseAus } from '../../../../shared/domain/facs';
import { createDatasetImportsRepository } from '../../db/repositories/dataset-imports';
import { createEventChangesRepository } from '../../db/repositories/event-changes';
import { createEventsRepository, type EventState } from '../../db/repositories/events';
import { createRecordingsRepository } from '../../db/repositories/recordings';
import { createSubjectsRepository } from '../../db/repositories/subjects';
import type { JobContext, JobRunner } from '../../jobs/worker/context';
import { JobCancelled } from '../../jobs/worker/context';
import { discard } from '../../media/frame-store';
import { ImageFolderError } from '../../media/image-folder';
import { requireTools } from '../../media/tools';
import { stageImageFolder } from '../../recordings/import-images';
import type { StagedVideo } from '../../recordings/import-video';
import { commitRecordings } from '../../recordings/store';
import { stateOf } from '../../labels/event-state';
import { DatasetError } from '../errors';
import { decide, fingerprint, type Decisions } from './decide';
import { planImport, type Plan, type PlannedRow, type WrittenState } from './plan';
import { buildReport, skipSummary, summaryLine } from './report';

interface StagedClip {
  folder: string;
  row: PlannedRow;
  item: StagedVideo;
}

function eventFields(w: WrittenState): Pick<EventState, 'onset' | 'apex' | 'offset' | 'emotion' | 'objectiveClass' | 'auRaw' | 'auNumbers' | 'auUnparsed' | 'notes'> {
  const parsed = parseAus(w.aus);
  return { onset: w.onset, apex: w.apex, offset: w.offset, emotion: w.emotion, objectiveClass: w.objectiveClass, auRaw: w.aus, auNumbers: auNumbers(parsed, 'union'), auUnparsed: !parsed.ok, notes: w.notes };
}

/** Copies the frames of every clip folder that needs a new recording into staging folders. */
async function stageClips(ctx: JobContext, plan: Plan, needed: Map<string, PlannedRow>) {
  const staged: StagedClip[] = [];
  const sameFrames = new Map<string, string>();
  const knownFrames = new Map<string, number>();
  if (needed.size === 0) return { staged, sameFrames, knownFrames };
  const tools = requireTools(ctx.tools);
  const nameBase = plan.base ?? plan.root;
  let i = 0;
  try {
    for (const [folder, row] of needed) {
      const at = i;
      const { outcome } = await stageImageFolder(ctx, tools, { projectId: plan.project.id, subjectId: null, sessionId: null }, {
        dir: folder,
        fps: row.fps,
        stimulus: row.stimulus,
        name: path.relative(nameBase, folder) || path.basename(folder),
        span: (f) => 0.05 + (0.9 * (at + f)) / needed.size,
      });
      i++;
      if (outcome.kind === 'duplicate') {
        knownFrames.set(folder, outcome.recordingId);
        continue;
      }
      const twin = staged.find((s) => s.item.recording.contentHash === outcome.staged.recording.contentHash);
      if (twin) {
        discard(outcome.staged.staging.dir);
        sameFrames.set(folder, twin.folder);
      } else staged.push({ folder, row, item: outcome.staged });
    }
  } catch (error) {
    for (const s of staged) discard(s.item.staging.dir);
    if (error instanceof ImageFolderError) throw new DatasetError(`${error.message}; nothing was imported (fix or remove that folder and import again)`);
    throw error;
  }
  return { staged, sameFrames, knownFrames };
}

/** Writes subjects, events, their links to the sheet, the audit trail and the report, inside the recordings' transaction. */
function writeAll(ctx: JobContext, plan: Plan, decisions: Decisions, clips: Awaited<ReturnType<typeof stageClips>>): ImportReport {
  const projectId = plan.project.id;
  const subjects = createSubjectsRepository(ctx.db);
  const events = createEventsRepository(ctx.db);
  const changes = createEventChangesRepository(ctx.db);
  const recordings = createRecordingsRepository(ctx.db);
  const imports = createDatasetImportsRepository(ctx.db);
  const subjectIds = new Map(decisions.subjects);
  let report: ImportReport | undefined;

  // decide() gives no decision for rows it or the plan skipped.
  const importable = plan.rows.map((row, i) => ({ row, decision: decisions.rows[i] ?? null })).filter((x) => x.decision !== null && x.row.state !== null);

  commitRecordings(
    ctx.db,
    ctx.mediaRoot,
    clips.staged.map((s) => s.item),
    {
      before: () => {
        if (fingerprint(decide(ctx.db, plan)) !== fingerprint(decisions)) {
          throw new DatasetError('The project changed while the dataset was being imported; nothing was imported. Run the import again.');
        }
        for (const { row, decision } of importable) {
          if (decision!.change !== 'new' || subjectIds.has(row.subject)) continue;
          const notes = row.subjectRaw === row.subject ? `${plan.formatName} subject` : `${plan.formatName} subject ${row.subjectRaw}`;
          subjectIds.set(row.subject, subjects.insert(projectId, row.subject, notes));
        }
        for (const s of clips.staged) s.item.recording.subjectId = subjectIds.get(s.row.subject) ?? null;
      },
      after: (ids) => {
        const recordingOf = new Map(decisions.recordings);
        clips.staged.forEach((s, k) => recordingOf.set(s.folder, ids[k]!));
        for (const [folder, id] of clips.knownFrames) recordingOf.set(folder, id);
        for (const [folder, twin] of clips.sameFrames) recordingOf.set(folder, recordingOf.get(twin)!);
        report = buildReport(plan, decisions, { dryRun: false, sameFrames: clips.sameFrames, knownFrames: clips.knownFrames, notes: knownNote(clips.knownFrames.size) });
        const reportId = imports.saveReport(projectId, report);
        report.reportId = reportId;
        const annotatorId = events.annotatorId(plan.annotator);
        const link = (eventId: number, row: PlannedRow) => imports.link({ eventId, projectId, dataset: plan.format, key: row.key, sheet: row.sheet, written: row.state, reportId });
        for (const { row, decision } of importable) {
          const state = row.state!;
          if (decision!.change === 'new') {
            const recordingId = recordingOf.get(row.folder!);
            if (recordingId === undefined) throw new Error(`No recording for ${row.folder}`);
            const subjectId = subjectIds.get(row.subject) ?? null;
            const recordingSubject = recordings.get(recordingId)?.subjectId ?? null;
            const after: EventState = { recordingId, annotatorId, subjectId: subjectId === recordingSubject ? null : subjectId, ...eventFields(state), uncertain: false, provenance: null };
            const eventId = events.insert(after);
            changes.record({ eventId, projectId, annotatorId, action: 'create', before: null, after });
            link(eventId, row);
          } else if (decision!.change === 'changed') {
            const current = events.get(decision!.eventId!);
            if (!current) throw new DatasetError('The project changed while the dataset was being imported; nothing was imported. Run the import again.');
            const before = stateOf(current);
            // The event keeps its owner (the earlier sheet); the trail says which sheet changed it.
            const after: EventState = { ...before, ...eventFields(state) };
            if (!events.update(current.id, current.version, after)) throw new DatasetError(`Event ${current.id} changed while the dataset was being imported; nothing was imported. Run the import again.`);
            changes.record({ eventId: current.id, projectId, annotatorId, action: 'update', before, after });
            link(current.id, row);
          }
        }
      },
    },
  );
  return report!;
}

const knownNote = (n: number): string[] => (n > 0 ? [`${n} clip folder(s) hold frames the project already has from another path (e.g. the dataset moved): their recordings were reused.`] : []);

/** The `datasets.import` job: plan, stage every new recording, then write everything in one transaction. */
export const importDatasetJob: JobRunner = async (raw, ctx) => {
  const p = jobKinds['datasets.import'].params.parse(raw);
  await ctx.progress(0, 'Reading the sheet and looking for the clip folders');
  const plan = planImport(ctx.db, p);
  const decisions = decide(ctx.db, plan);
  const planned = buildReport(plan, decisions, { dryRun: p.dryRun ?? false });
  if (p.dryRun) return { result: planned, message: summaryLine(planned) };
  const source = plan.sheet ? path.basename(plan.sheet.file) : plan.root;
  if (planned.counts.imported === 0) throw new DatasetError(`No row of ${source} can be imported (${planned.counts.rows} skipped: ${skipSummary(planned)})`);

  const needed = new Map<string, PlannedRow>();
  plan.rows.forEach((row, i) => {
    if (decisions.rows[i]?.change !== 'new' || row.folder === null || decisions.recordings.has(row.folder) || needed.has(row.folder)) return;
    needed.set(row.folder, row);
  });
  const clips = await stageClips(ctx, plan, needed);
  if (ctx.signal.aborted) {
    for (const s of clips.staged) discard(s.item.staging.dir);
    throw new JobCancelled();
  }
  const preview = buildReport(plan, decisions, { dryRun: false, sameFrames: clips.sameFrames, knownFrames: clips.knownFrames, notes: knownNote(clips.knownFrames.size) });
  if (preview.nothingChanged) return { result: preview, message: summaryLine(preview) };
  await ctx.progress(0.96, 'Saving subjects, recordings and events');
  try {
    const report = writeAll(ctx, plan, decisions, clips);
    return { result: report, message: summaryLine(report) };
  } catch (error) {
    // commitRecordings removes the committed frames; staged ones not yet moved go here.
    for (const s of clips.staged) discard(s.item.staging.dir);
    throw error;
  }
};
