import type { EventChange } from '../../../shared/api/events';

/** One field of an audit record, before → after, as text. */
export interface FieldChange {
  field: string;
  label: string;
  before: string;
  after: string;
}

/**
 * The audit trail stores the event's state as the backend keeps it (`auRaw` for the AU string,
 * `subjectId` null for "the recording's subject"); both spellings of a field are read.
 */
const fields: readonly { keys: string[]; label: string }[] = [
  { keys: ['onset'], label: 'Onset' },
  { keys: ['apex'], label: 'Apex' },
  { keys: ['offset'], label: 'Offset' },
  { keys: ['emotion'], label: 'Emotion' },
  { keys: ['auRaw', 'aus'], label: 'AUs' },
  { keys: ['objectiveClass'], label: 'Objective class' },
  { keys: ['subjectId'], label: 'Subject' },
  { keys: ['uncertain'], label: 'Uncertain' },
  { keys: ['notes'], label: 'Notes' },
  { keys: ['provenance'], label: 'Provenance' },
];

type State = Record<string, unknown>;

function asState(value: unknown): State | null {
  return typeof value === 'object' && value !== null ? (value as State) : null;
}

function read(state: State | null, keys: readonly string[]): { present: boolean; value: unknown } {
  if (state === null) return { present: false, value: undefined };
  const key = keys.find((k) => Object.hasOwn(state, k));
  return key === undefined ? { present: false, value: undefined } : { present: true, value: state[key] };
}

export function formatValue(label: string, value: unknown, subjectName: (id: number) => string): string {
  if (value === undefined) return '—';
  if (label === 'Apex' && value === null) return 'missing';
  if (label === 'Subject') return value === null ? "recording's" : typeof value === 'number' ? subjectName(value) : String(value);
  if (value === null || value === '') return '—';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'object') {
    return Object.entries(value as State)
      .map(([k, v]) => `${k}: ${String(v)}`)
      .join(', ');
  }
  return String(value);
}

/** The fields that differ between a change's before and after (all set fields for create/delete). */
export function fieldChanges(change: Pick<EventChange, 'before' | 'after'>, subjectName: (id: number) => string = (id) => `subject ${id}`): FieldChange[] {
  const before = asState(change.before);
  const after = asState(change.after);
  const result: FieldChange[] = [];
  for (const { keys, label } of fields) {
    const b = read(before, keys);
    const a = read(after, keys);
    if (!b.present && !a.present) continue;
    if (JSON.stringify(b.value) === JSON.stringify(a.value)) continue;
    // A new or deleted event: leave out fields that were simply empty.
    if ((before === null || after === null) && [b.value, a.value].every((v) => v === undefined || v === '' || v === false || (v === null && label !== 'Apex'))) continue;
    result.push({ field: keys[0] ?? label, label, before: formatValue(label, b.value, subjectName), after: formatValue(label, a.value, subjectName) });
  }
  return result;
}

export const actionLabels: Readonly<Record<EventChange['action'], string>> = {
  create: 'Created',
  update: 'Changed',
  delete: 'Deleted',
  undo: 'Undone',
  redo: 'Redone',
};

/** "Undid: emotion surprise → happiness" for a snackbar after undo/redo. */
export function changeHeadline(kind: 'undo' | 'redo', change: EventChange | null): string {
  if (change === null) return kind === 'undo' ? 'Nothing to undo' : 'Nothing to redo';
  const verb = kind === 'undo' ? 'Undid' : 'Redid';
  const before = asState(change.before);
  const after = asState(change.after);
  if (before === null) return `${verb}: event ${change.eventId} is back`;
  if (after === null) return `${verb}: event ${change.eventId} is gone`;
  const changes = fieldChanges(change);
  const text = changes.map((c) => `${c.label.toLowerCase()} ${c.before} → ${c.after}`).join(', ');
  return `${verb} on event ${change.eventId}${text ? `: ${text}` : ''}`;
}
