import { describe, expect, it } from 'vitest';
import type { LabelEvent } from '../../../shared/api/events';
import { defaultBindings } from './key-bindings';
import { applyMark, changedFields, createFields, emptyValues, eventSummary, missingMarks, rebase, valuesOf } from './event-values';

const event: LabelEvent = {
  id: 7,
  recordingId: 3,
  projectId: 1,
  annotatorId: 2,
  annotatorName: 'ana',
  subjectId: 5,
  subjectCode: 'D01',
  subjectOverridden: false,
  onset: 40,
  apex: 45,
  offset: 52,
  emotion: 'happiness',
  objectiveClass: null,
  aus: '6+12',
  auNumbers: [6, 12],
  notes: '',
  uncertain: false,
  flags: [],
  provenance: null,
  version: 3,
  createdAt: '',
  updatedAt: '',
};

describe('marking a draft', () => {
  it('keeps marks as made, and tells "apex missing" from "not marked"', () => {
    let v = applyMark(emptyValues, 'offset', 20);
    v = applyMark(v, 'onset', 30);
    expect(v).toMatchObject({ onset: 30, apex: undefined, offset: 20 });
    expect(createFields(v)).toBeNull();
    v = applyMark(v, 'apex-missing', 25);
    expect(v.apex).toBeNull();
    expect(missingMarks(v, defaultBindings)).toEqual(['the emotion (1–9)']);
    expect(createFields({ ...v, emotion: 'fear', aus: ' 1+2 ' })).toEqual({
      onset: 30,
      apex: null,
      offset: 20,
      emotion: 'fear',
      objectiveClass: null,
      aus: '1+2',
      notes: '',
      uncertain: false,
      subjectId: null,
    });
  });

  it('names what is still to mark, with its key', () => {
    expect(missingMarks(emptyValues, { onset: 's', apex: 'e', offset: 'f' })).toEqual([
      'the onset (S)',
      'the apex (E, or Shift+E if it is missing)',
      'the offset (F)',
      'the emotion (1–9)',
    ]);
  });
});

describe('editing a saved event', () => {
  it('sends only what changed', () => {
    const base = valuesOf(event);
    expect(changedFields(base, base)).toEqual({});
    expect(changedFields({ ...base, apex: null, emotion: 'fear', objectiveClass: ' ' }, base)).toEqual({ apex: null, emotion: 'fear' });
    expect(changedFields({ ...base, subjectId: 9, objectiveClass: 'III' }, base)).toEqual({ subjectId: 9, objectiveClass: 'III' });
  });

  it('re-applies my changes on top of someone else’s', () => {
    const base = valuesOf(event);
    const mine = { ...base, emotion: 'fear' };
    const current = { ...base, aus: '6+12+25', offset: 55 };
    expect(rebase(current, mine, base)).toEqual({ ...current, emotion: 'fear' });
  });

  it('summarises an event in one line', () => {
    expect(eventSummary(event)).toBe('happiness · 40–52 (apex 45) · AUs 6+12');
    expect(eventSummary({ ...event, apex: null, aus: '' })).toBe('happiness · 40–52 (apex missing) · AUs none');
  });
});
