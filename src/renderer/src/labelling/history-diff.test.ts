import { describe, expect, it } from 'vitest';
import type { EventChange } from '../../../shared/api/events';
import { changeHeadline, fieldChanges } from './history-diff';

const state = {
  recordingId: 1,
  annotatorId: 2,
  subjectId: null,
  onset: 40,
  apex: 45,
  offset: 52,
  emotion: 'surprise',
  objectiveClass: null,
  auRaw: '1+2',
  auNumbers: [1, 2],
  auUnparsed: false,
  notes: '',
  uncertain: false,
  provenance: null,
};

const change = (before: unknown, after: unknown, action: EventChange['action'] = 'update'): EventChange => ({
  id: 1,
  eventId: 7,
  annotatorId: 2,
  annotatorName: 'ana',
  action,
  before,
  after,
  at: '2026-01-01T10:00:00.000Z',
});

describe('fieldChanges', () => {
  it('lists the fields an update changed, before → after', () => {
    const after = { ...state, emotion: 'happiness', apex: null, auRaw: '1+2+5', subjectId: 9 };
    expect(fieldChanges(change(state, after), (id) => `S${id}`)).toEqual([
      { field: 'apex', label: 'Apex', before: '45', after: 'missing' },
      { field: 'emotion', label: 'Emotion', before: 'surprise', after: 'happiness' },
      { field: 'auRaw', label: 'AUs', before: '1+2', after: '1+2+5' },
      { field: 'subjectId', label: 'Subject', before: "recording's", after: 'S9' },
    ]);
  });

  it('lists the set fields of a created event and leaves out the empty ones', () => {
    expect(fieldChanges(change(null, state, 'create')).map((c) => `${c.label}: ${c.before} → ${c.after}`)).toEqual([
      'Onset: — → 40',
      'Apex: — → 45',
      'Offset: — → 52',
      'Emotion: — → surprise',
      'AUs: — → 1+2',
    ]);
  });
});

describe('changeHeadline', () => {
  it('says what undo and redo did', () => {
    expect(changeHeadline('undo', null)).toBe('Nothing to undo');
    expect(changeHeadline('undo', change(state, { ...state, emotion: 'fear' }, 'undo'))).toBe('Undid on event 7: emotion surprise → fear');
    // Undoing a create removes the event; undoing a delete brings it back.
    expect(changeHeadline('undo', change(state, null, 'undo'))).toBe('Undid: event 7 is gone');
    expect(changeHeadline('redo', change(null, state, 'redo'))).toBe('Redid: event 7 is back');
  });
});
