import type { Input } from '../../../shared/api/contract';
import type { LabelEvent } from '../../../shared/api/events';
import type { MarkCommand } from './key-bindings';

/**
 * The fields of an event as the editor holds them, for a new event being marked (a draft) and
 * for a saved one being edited. Frames are undefined until marked; an apex of null is
 * "explicitly missing", which is not the same as "not marked yet".
 */
export interface EventValues {
  onset: number | undefined;
  apex: number | null | undefined;
  offset: number | undefined;
  emotion: string;
  objectiveClass: string;
  /** null: the recording's subject. */
  subjectId: number | null;
  uncertain: boolean;
  notes: string;
  aus: string;
}

export const emptyValues: EventValues = {
  onset: undefined,
  apex: undefined,
  offset: undefined,
  emotion: '',
  objectiveClass: '',
  subjectId: null,
  uncertain: false,
  notes: '',
  aus: '',
};

/** Applies a mark at `frame`; the marks are kept as made (the server judges the range). */
export function applyMark(values: EventValues, mark: MarkCommand, frame: number): EventValues {
  switch (mark) {
    case 'onset':
      return { ...values, onset: frame };
    case 'apex':
      return { ...values, apex: frame };
    case 'apex-missing':
      return { ...values, apex: null };
    case 'offset':
      return { ...values, offset: frame };
  }
}

export function valuesOf(event: LabelEvent): EventValues {
  return {
    onset: event.onset,
    apex: event.apex,
    offset: event.offset,
    emotion: event.emotion,
    objectiveClass: event.objectiveClass ?? '',
    subjectId: event.subjectOverridden ? event.subjectId : null,
    uncertain: event.uncertain,
    notes: event.notes,
    aus: event.aus,
  };
}

type Changes = Omit<Input<'events.update'>, 'id' | 'annotatorId' | 'version'>;

/** The fields of `values` that differ from `base` (what an update sends). */
export function changedFields(values: EventValues, base: EventValues): Changes {
  const changes: Changes = {};
  if (values.onset !== base.onset && values.onset !== undefined) changes.onset = values.onset;
  if (values.apex !== base.apex && values.apex !== undefined) changes.apex = values.apex;
  if (values.offset !== base.offset && values.offset !== undefined) changes.offset = values.offset;
  if (values.emotion !== base.emotion) changes.emotion = values.emotion;
  if (values.objectiveClass.trim() !== base.objectiveClass.trim()) changes.objectiveClass = values.objectiveClass.trim() || null;
  if (values.subjectId !== base.subjectId) changes.subjectId = values.subjectId;
  if (values.uncertain !== base.uncertain) changes.uncertain = values.uncertain;
  if (values.notes !== base.notes) changes.notes = values.notes;
  if (values.aus.trim() !== base.aus.trim()) changes.aus = values.aus.trim();
  return changes;
}

export type CreateFields = Omit<Input<'events.create'>, 'recordingId' | 'annotatorId'>;

/** What is still to mark before a draft can be sent; the server checks the rest. */
export function missingMarks(values: EventValues, keys: { onset: string; apex: string; offset: string }): string[] {
  const missing: string[] = [];
  if (values.onset === undefined) missing.push(`the onset (${keys.onset.toUpperCase()})`);
  if (values.apex === undefined) missing.push(`the apex (${keys.apex.toUpperCase()}, or Shift+${keys.apex.toUpperCase()} if it is missing)`);
  if (values.offset === undefined) missing.push(`the offset (${keys.offset.toUpperCase()})`);
  if (values.emotion === '') missing.push('the emotion (1–9)');
  return missing;
}

/** The create call's fields, or null while marks are missing. */
export function createFields(values: EventValues): CreateFields | null {
  const { onset, apex, offset } = values;
  if (onset === undefined || apex === undefined || offset === undefined || values.emotion === '') return null;
  return {
    onset,
    apex,
    offset,
    emotion: values.emotion,
    objectiveClass: values.objectiveClass.trim() || null,
    aus: values.aus.trim(),
    notes: values.notes,
    uncertain: values.uncertain,
    subjectId: values.subjectId,
  };
}

/** Re-applies the changes made against `mine` on top of the current state (after a conflict). */
export function rebase(current: EventValues, mine: EventValues, base: EventValues): EventValues {
  const changes = changedFields(mine, base);
  const next: EventValues = { ...current };
  if ('onset' in changes) next.onset = mine.onset;
  if ('apex' in changes) next.apex = mine.apex;
  if ('offset' in changes) next.offset = mine.offset;
  if ('emotion' in changes) next.emotion = mine.emotion;
  if ('objectiveClass' in changes) next.objectiveClass = mine.objectiveClass;
  if ('subjectId' in changes) next.subjectId = mine.subjectId;
  if ('uncertain' in changes) next.uncertain = mine.uncertain;
  if ('notes' in changes) next.notes = mine.notes;
  if ('aus' in changes) next.aus = mine.aus;
  return next;
}

/** "45" / "missing" / "—" */
export function apexText(apex: number | null | undefined): string {
  return apex === undefined ? '—' : apex === null ? 'missing' : String(apex);
}

/** One line for an event: "happiness · 40–52 (apex 45) · AUs 1+2". */
export function eventSummary(e: { emotion: string; onset: number; apex: number | null; offset: number; aus: string }): string {
  return `${e.emotion} · ${e.onset}–${e.offset} (apex ${apexText(e.apex)}) · AUs ${e.aus || 'none'}`;
}
