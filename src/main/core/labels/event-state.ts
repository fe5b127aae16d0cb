import { ApiError, type FieldIssue } from '../../../shared/api/errors';
import type { LabelEvent } from '../../../shared/api/events';
import type { Recording } from '../../../shared/api/recordings';
import { auNumbers, parseAus } from '../../../shared/domain/facs';
import type { EventState } from '../db/repositories/events';

/** The fields a caller may give; undefined keeps the current value. */
export interface EventInput {
  onset?: number | undefined;
  apex?: number | null | undefined;
  offset?: number | undefined;
  emotion?: string | undefined;
  objectiveClass?: string | null | undefined;
  aus?: string | undefined;
  notes?: string | undefined;
  uncertain?: boolean | undefined;
  subjectId?: number | null | undefined;
}

export function stateOf(e: LabelEvent): EventState {
  const parsed = parseAus(e.aus);
  return {
    recordingId: e.recordingId,
    annotatorId: e.annotatorId,
    subjectId: e.subjectOverridden ? e.subjectId : null,
    onset: e.onset,
    apex: e.apex,
    offset: e.offset,
    emotion: e.emotion,
    objectiveClass: e.objectiveClass,
    auRaw: e.aus,
    auNumbers: auNumbers(parsed, 'union'),
    auUnparsed: !parsed.ok,
    notes: e.notes,
    uncertain: e.uncertain,
    provenance: e.provenance,
  };
}

function invalid(issues: FieldIssue[]): ApiError {
  return new ApiError('VALIDATION', issues.map((i) => `${i.path}: ${i.message}`).join('; '), issues);
}

/**
 * Checks an event against its recording and project: onset ≤ apex ≤ offset inside the
 * recording's frames (the apex may be explicitly missing, never outside), an emotion of the
 * project's label set (stored as the set spells it), and AUs the notation parser can read.
 */
export function checkedState(base: Omit<EventState, 'auNumbers' | 'auUnparsed'>, recording: Recording, labelSet: readonly string[]): EventState {
  const issues: FieldIssue[] = [];
  const { onset, apex, offset } = base;
  const range = `${recording.firstFrame}..${recording.lastFrame}`;
  for (const [name, frame] of [['onset', onset], ['apex', apex], ['offset', offset]] as const) {
    if (frame !== null && (frame < recording.firstFrame || frame > recording.lastFrame)) {
      issues.push({ path: name, message: `frame ${frame} is outside the recording (frames ${range})` });
    }
  }
  if (onset > offset) issues.push({ path: 'offset', message: `the offset (${offset}) comes before the onset (${onset})` });
  else if (apex !== null && (apex < onset || apex > offset)) issues.push({ path: 'apex', message: `the apex (${apex}) must lie between onset ${onset} and offset ${offset}, or be marked missing` });
  const emotion = labelSet.find((l) => l.toLowerCase() === base.emotion.trim().toLowerCase());
  if (!emotion) issues.push({ path: 'emotion', message: `"${base.emotion}" is not in the project's label set (${labelSet.join(', ')})` });
  const parsed = parseAus(base.auRaw);
  if (!parsed.ok) issues.push({ path: 'aus', message: `cannot read ${parsed.unparsed.map((u) => `"${u}"`).join(', ')} in "${base.auRaw}"` });
  if (issues.length > 0) throw invalid(issues);
  return { ...base, emotion: emotion!, auRaw: base.auRaw.trim(), auNumbers: auNumbers(parsed, 'union'), auUnparsed: false };
}

/** Same content, whatever the version: what undo checks before it rewinds. */
export function sameState(a: EventState | null, b: EventState | null): boolean {
  if (a === null || b === null) return a === b;
  const key = (s: EventState) => JSON.stringify([s.recordingId, s.annotatorId, s.subjectId, s.onset, s.apex, s.offset, s.emotion, s.objectiveClass, s.auRaw, s.notes, s.uncertain, s.provenance]);
  return key(a) === key(b);
}
