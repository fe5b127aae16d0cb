/** Placing events on the timeline's tracks and moving their handles. */

export interface Span {
  onset: number;
  /** null: explicitly missing. */
  apex: number | null;
  offset: number;
}

/**
 * Rows inside one coder's track so that overlapping events sit one above the other: each event
 * takes the first row whose last event ended before its onset. Returns row per id and the count.
 */
export function packRows<T extends { id: number; onset: number; offset: number }>(events: readonly T[]): { rowOf: Map<number, number>; rows: number } {
  const sorted = [...events].sort((a, b) => a.onset - b.onset || a.offset - b.offset || a.id - b.id);
  const ends: number[] = [];
  const rowOf = new Map<number, number>();
  for (const e of sorted) {
    let row = ends.findIndex((end) => end < e.onset);
    if (row === -1) {
      row = ends.length;
      ends.push(e.offset);
    } else ends[row] = e.offset;
    rowOf.set(e.id, row);
  }
  return { rowOf, rows: Math.max(1, ends.length) };
}

export type Handle = 'onset' | 'apex' | 'offset' | 'move';

/**
 * The span after dragging `handle` to `frame` (from a drag that started at `from` for 'move'):
 * inside the recording, onset ≤ apex ≤ offset kept by stopping at the neighbour.
 */
export function dragSpan(span: Span, handle: Handle, frame: number, first: number, last: number, from = frame): Span {
  const clamp = (n: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, Math.round(n)));
  switch (handle) {
    case 'onset':
      return { ...span, onset: clamp(frame, first, span.apex ?? span.offset) };
    case 'offset':
      return { ...span, offset: clamp(frame, span.apex ?? span.onset, last) };
    case 'apex':
      return { ...span, apex: clamp(frame, span.onset, span.offset) };
    case 'move': {
      const delta = clamp(frame - from, first - span.onset, last - span.offset);
      return { onset: span.onset + delta, apex: span.apex === null ? null : span.apex + delta, offset: span.offset + delta };
    }
  }
}

/** The fields a drag changed, for the update call; empty when it went back where it started. */
export function spanChanges(before: Span, after: Span): Partial<Span> {
  const changes: Partial<Span> = {};
  if (after.onset !== before.onset) changes.onset = after.onset;
  if (after.apex !== before.apex) changes.apex = after.apex;
  if (after.offset !== before.offset) changes.offset = after.offset;
  return changes;
}

/** The event after (direction 1) or before (-1) `frame` in onset order, wrapping around. */
export function neighbourEvent<T extends { id: number; onset: number }>(events: readonly T[], currentId: number | null, frame: number, direction: 1 | -1): T | null {
  const sorted = [...events].sort((a, b) => a.onset - b.onset || a.id - b.id);
  if (sorted.length === 0) return null;
  const index = currentId === null ? -1 : sorted.findIndex((e) => e.id === currentId);
  if (index >= 0) return sorted[(index + direction + sorted.length) % sorted.length] ?? null;
  const next = direction === 1 ? sorted.find((e) => e.onset > frame) : [...sorted].reverse().find((e) => e.onset < frame);
  return next ?? (direction === 1 ? sorted[0] : sorted.at(-1)) ?? null;
}

/** Colours for coders in Compare: distinct on the dark workspace, stable per coder id. */
const coderPalette = ['#64b5f6', '#ffb74d', '#81c784', '#f06292', '#ba68c8', '#4dd0e1', '#dce775', '#a1887f'];

export function coderColour(annotatorId: number, coderIds: readonly number[]): string {
  const index = coderIds.indexOf(annotatorId);
  return coderPalette[(index >= 0 ? index : annotatorId) % coderPalette.length] ?? '#64b5f6';
}
