import { describe, expect, it } from 'vitest';
import { coderColour, dragSpan, neighbourEvent, packRows, spanChanges } from './track-math';

describe('packRows', () => {
  it('puts overlapping events on separate rows and reuses rows after them', () => {
    const { rowOf, rows } = packRows([
      { id: 1, onset: 10, offset: 20 },
      { id: 2, onset: 15, offset: 30 },
      { id: 3, onset: 21, offset: 25 },
      { id: 4, onset: 31, offset: 40 },
    ]);
    expect(Object.fromEntries(rowOf)).toEqual({ 1: 0, 2: 1, 3: 0, 4: 0 });
    expect(rows).toBe(2);
  });

  it('treats sharing a frame as overlapping (frames are inclusive)', () => {
    const { rowOf } = packRows([
      { id: 1, onset: 10, offset: 20 },
      { id: 2, onset: 20, offset: 30 },
    ]);
    expect(rowOf.get(2)).toBe(1);
    expect(packRows([]).rows).toBe(1);
  });
});

describe('dragSpan', () => {
  const span = { onset: 40, apex: 45, offset: 52 };

  it('keeps onset ≤ apex ≤ offset by stopping at the neighbour', () => {
    expect(dragSpan(span, 'onset', 48, 0, 119)).toEqual({ ...span, onset: 45 });
    expect(dragSpan(span, 'offset', 30, 0, 119)).toEqual({ ...span, offset: 45 });
    expect(dragSpan(span, 'apex', 60, 0, 119)).toEqual({ ...span, apex: 52 });
    expect(dragSpan({ ...span, apex: null }, 'onset', 60, 0, 119)).toEqual({ onset: 52, apex: null, offset: 52 });
  });

  it('stays inside the recording', () => {
    expect(dragSpan(span, 'onset', -5, 0, 119)).toEqual({ ...span, onset: 0 });
    expect(dragSpan(span, 'offset', 500, 0, 119)).toEqual({ ...span, offset: 119 });
  });

  it('moves the whole event by the drag distance', () => {
    expect(dragSpan(span, 'move', 50, 0, 119, 45)).toEqual({ onset: 45, apex: 50, offset: 57 });
    expect(dragSpan(span, 'move', 200, 0, 119, 45)).toEqual({ onset: 107, apex: 112, offset: 119 });
  });

  it('reports only what changed', () => {
    expect(spanChanges(span, { ...span, apex: 47 })).toEqual({ apex: 47 });
    expect(spanChanges(span, span)).toEqual({});
  });
});

describe('neighbourEvent', () => {
  const events = [
    { id: 3, onset: 50 },
    { id: 1, onset: 10 },
    { id: 2, onset: 30 },
  ];
  it('walks the events in onset order, wrapping', () => {
    expect(neighbourEvent(events, 1, 0, 1)?.id).toBe(2);
    expect(neighbourEvent(events, 3, 0, 1)?.id).toBe(1);
    expect(neighbourEvent(events, 1, 0, -1)?.id).toBe(3);
  });
  it('starts from the playhead when nothing is selected', () => {
    expect(neighbourEvent(events, null, 31, 1)?.id).toBe(3);
    expect(neighbourEvent(events, null, 31, -1)?.id).toBe(2);
    expect(neighbourEvent([], null, 31, -1)).toBeNull();
  });
});

describe('coderColour', () => {
  it('is stable per coder and distinct for the first coders', () => {
    const ids = [4, 9, 2];
    expect(new Set(ids.map((id) => coderColour(id, ids))).size).toBe(3);
    expect(coderColour(9, ids)).toBe(coderColour(9, ids));
  });
});
