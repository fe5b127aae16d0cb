import path from 'node:path';
import type { DefectCode, FieldChange, ImportChanges, ImportRowChange } from '../../../../shared/api/datasets';
import type { LabelEvent } from '../../../../shared/api/events';
import type { Db } from '../../db/connection';
import { createDatasetImportsRepository } from '../../db/repositories/dataset-imports';
import { createEventsRepository } from '../../db/repositories/events';
import { createRecordingsRepository } from '../../db/repositories/recordings';
import { createSubjectsRepository } from '../../db/repositories/subjects';
import type { Plan, PlannedRow, SheetValues, WrittenState } from './plan';

export interface RowDecision {
  change: ImportRowChange;
  /** The event an earlier import made of this row. */
  eventId: number | null;
  /** What the sheet changed since that import. */
  fields: FieldChange[];
  current: LabelEvent | null;
}

export interface Decisions {
  /** Index-aligned with plan.rows; null for rows not imported. */
  rows: (RowDecision | null)[];
  /** Rows the project's data rules out (index → why), on top of the plan's skips. */
  skips: Map<number, { code: DefectCode; reason: string }>;
  removed: ImportChanges['removed'];
  previous: ImportChanges['previous'];
  /** Clip folder → the recording already made from it. */
  recordings: Map<string, number>;
  /** Subject code → its id, for subjects the project already has. */
  subjects: Map<string, number>;
}

const fieldNames: Record<keyof SheetValues, string> = {
  onset: 'onset',
  apex: 'apex',
  offset: 'offset',
  emotion: 'emotion',
  objectiveClass: 'objective class',
  aus: 'AUs',
  notes: 'notes',
};

export function diffValues(before: SheetValues, after: SheetValues): FieldChange[] {
  return (Object.keys(fieldNames) as (keyof SheetValues)[])
    .filter((f) => (before[f] ?? '') !== after[f])
    .map((f) => ({ field: fieldNames[f], before: before[f] ?? '', after: after[f] }));
}

export function writtenOf(e: LabelEvent): WrittenState {
  return { onset: e.onset, apex: e.apex, offset: e.offset, emotion: e.emotion, objectiveClass: e.objectiveClass, aus: e.aus, notes: e.notes };
}

export const sameWritten = (a: WrittenState, b: WrittenState): boolean =>
  a.onset === b.onset && a.apex === b.apex && a.offset === b.offset && a.emotion === b.emotion && (a.objectiveClass ?? null) === (b.objectiveClass ?? null) && a.aus === b.aus && a.notes === b.notes;

/**
 * How each planned row relates to the project: new, unchanged since the last import of the
 * dataset, changed by this sheet (and untouched in the project since, so it can be updated), or
 * changed by the sheet *and* edited in the project (a conflict: the project's values are kept).
 * Reads only; run again inside the import's transaction to be sure nothing moved meanwhile.
 */
export function decide(db: Db, plan: Plan): Decisions {
  const repo = createDatasetImportsRepository(db);
  const events = createEventsRepository(db);
  const recordings = createRecordingsRepository(db);
  const subjects = createSubjectsRepository(db);
  const projectId = plan.project.id;
  const links = repo.links<SheetValues, WrittenState>(projectId, plan.format);
  const decisions: Decisions = { rows: [], skips: new Map(), removed: [], previous: [], recordings: new Map(), subjects: new Map() };

  for (const [i, row] of plan.rows.entries()) {
    if (row.skip || !row.state) {
      decisions.rows.push(null);
      continue;
    }
    const link = links.get(row.key);
    if (!link) {
      const mismatch = checkRecording(repo, recordings, projectId, row, decisions);
      if (mismatch) {
        decisions.skips.set(i, mismatch);
        decisions.rows.push(null);
      } else decisions.rows.push({ change: 'new', eventId: null, fields: [], current: null });
      continue;
    }
    const fields = diffValues(link.sheet, row.sheet);
    if (fields.length === 0) {
      decisions.rows.push({ change: 'unchanged', eventId: link.eventId, fields, current: null });
      continue;
    }
    const current = events.get(link.eventId) ?? null;
    const edited = current !== null && !sameWritten(writtenOf(current), link.written);
    const outside = !edited && current !== null ? outsideRecording(recordings, current.recordingId, row) : null;
    if (outside) {
      decisions.skips.set(i, outside);
      decisions.rows.push(null);
      continue;
    }
    decisions.rows.push({ change: edited ? 'conflict' : 'changed', eventId: link.eventId, fields, current });
  }
  for (const row of plan.rows) {
    if (!row.state || row.skip) continue;
    if (!decisions.subjects.has(row.subject)) {
      const found = subjects.findByCode(projectId, row.subject);
      if (found) decisions.subjects.set(row.subject, found.id);
    }
  }
  const present = new Set(plan.rows.map((r) => r.key).filter((k) => k !== ''));
  decisions.removed = [...links.values()].filter((l) => !present.has(l.key)).map((l) => ({ key: l.key, eventId: l.eventId }));
  decisions.previous = repo
    .reports(projectId)
    .filter((r) => r.format === plan.format)
    .map((r) => ({ sheet: r.sheet === null ? r.root : path.basename(r.sheet), annotator: r.annotator, at: r.createdAt }));
  return decisions;
}

/** A new row on a recording made earlier from its folder must fit that recording's frames. */
function checkRecording(
  repo: ReturnType<typeof createDatasetImportsRepository>,
  recordings: ReturnType<typeof createRecordingsRepository>,
  projectId: number,
  row: PlannedRow,
  decisions: Decisions,
): { code: DefectCode; reason: string } | null {
  if (row.folder === null) return null;
  let id = decisions.recordings.get(row.folder);
  if (id === undefined) {
    id = repo.recordingBySource(projectId, row.folder);
    if (id === undefined) return null;
    decisions.recordings.set(row.folder, id);
  }
  return outsideRecording(recordings, id, row);
}

/** The row's frames must lie within the recording its event is (or goes) on. */
function outsideRecording(recordings: ReturnType<typeof createRecordingsRepository>, recordingId: number, row: PlannedRow): { code: DefectCode; reason: string } | null {
  const recording = recordings.get(recordingId);
  if (!recording) return null;
  if (row.state!.onset < recording.firstFrame || row.state!.offset > recording.lastFrame) {
    return {
      code: 'recording-mismatch',
      reason: `Recording "${recording.name}" (${recording.id}), made from this clip earlier, has frames ${recording.firstFrame}..${recording.lastFrame}; the sheet's ${row.state!.onset}..${row.state!.offset} are outside it`,
    };
  }
  return null;
}

/** A fingerprint of the decisions: an import refuses to write if the project moved since it planned. */
export function fingerprint(d: Decisions): string {
  return JSON.stringify([d.rows.map((r) => (r ? [r.change, r.eventId] : null)), [...d.skips.keys()], [...d.recordings], [...d.subjects]]);
}
