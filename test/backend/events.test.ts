import { beforeEach, afterEach, describe, expect, test } from 'vitest';
import type { Annotator, EventChange, LabelEvent } from '../../src/shared/api/events';
import { ApiError } from '../../src/shared/api/errors';
import type { Project } from '../../src/shared/api/projects';
import type { Subject } from '../../src/shared/api/subjects';
import { createTestBackend } from '../helpers/backend';
import { insertRecording } from '../helpers/fixtures';

let backend: ReturnType<typeof createTestBackend>;
let project: Project;
let subject: Subject;
let recordingId: number;
let ana: Annotator;
let ben: Annotator;

beforeEach(async () => {
  backend = createTestBackend();
  project = (await backend.dispatch('projects.create', { name: 'Lab' })) as Project;
  subject = (await backend.dispatch('subjects.create', { projectId: project.id, code: 'sub01' })) as Subject;
  recordingId = insertRecording(backend, project.id, subject.id, { first: 100, count: 400 });
  ana = (await backend.dispatch('annotators.create', { name: 'Ana' })) as Annotator;
  ben = (await backend.dispatch('annotators.create', { name: 'Ben' })) as Annotator;
});
afterEach(async () => backend.dispose());

const create = (fields: object, annotatorId = ana.id) => backend.dispatch('events.create', { recordingId, annotatorId, ...fields }) as Promise<LabelEvent>;
const list = async (filter: object = {}) => ((await backend.dispatch('events.list', { projectId: project.id, ...filter })) as { events: LabelEvent[]; total: number });
const refusal = (p: Promise<unknown>) => p.then(() => { throw new Error('expected a refusal'); }, (e: unknown) => e as ApiError);

describe('saving events', () => {
  test('an event keeps its three frames, emotion as the label set spells it, AUs and subject', async () => {
    const e = await create({ onset: 120, apex: 126, offset: 131, emotion: 'Happiness', aus: '6+R12', notes: 'subtle' });
    expect(e).toMatchObject({ onset: 120, apex: 126, offset: 131, emotion: 'happiness', aus: '6+R12', auNumbers: [6, 12], subjectCode: 'sub01', subjectOverridden: false, annotatorName: 'Ana', version: 1, flags: [] });
  });

  test('impossible frame ranges, unknown emotions, unreadable AUs and unknown annotators are refused and nothing is saved', async () => {
    const cases: [object, RegExp][] = [
      [{ onset: 130, apex: 131, offset: 120, emotion: 'fear' }, /offset: the offset \(120\) comes before the onset \(130\)/],
      [{ onset: 120, apex: 140, offset: 130, emotion: 'fear' }, /apex: the apex \(140\) must lie between onset 120 and offset 130/],
      [{ onset: 90, apex: 95, offset: 110, emotion: 'fear' }, /onset: frame 90 is outside the recording \(frames 100\.\.499\)/],
      [{ onset: 120, apex: 125, offset: 600, emotion: 'fear' }, /offset: frame 600 is outside/],
      [{ onset: 120, apex: 125, offset: 130, emotion: 'contempt' }, /"contempt" is not in the project's label set \(happiness, surprise/],
      [{ onset: 120, apex: 125, offset: 130, emotion: 'fear', aus: '1+2+#%' }, /aus: cannot read "#%" in "1\+2\+#%"/],
    ];
    for (const [fields, message] of cases) {
      const error = await refusal(create(fields));
      expect(error.code).toBe('VALIDATION');
      expect(error.message).toMatch(message);
    }
    expect((await refusal(create({ onset: 120, apex: null, offset: 130, emotion: 'fear' }, 999))).message).toMatch(/Annotator 999 does not exist/);
    expect((await list()).total).toBe(0);
  });

  test('the apex may be explicitly missing, and is flagged; overlapping events of one coder are flagged', async () => {
    const a = await create({ onset: 120, apex: null, offset: 130, emotion: 'fear' });
    expect(a.flags).toEqual(['apex-missing']);
    await create({ onset: 128, apex: 132, offset: 140, emotion: 'anger' });
    await create({ onset: 125, apex: 126, offset: 127, emotion: 'anger' }, ben.id);
    const { events } = await list();
    expect(events.map((e) => [e.annotatorName, e.onset, e.flags])).toEqual([
      ['Ana', 120, ['apex-missing', 'overlap']],
      ['Ben', 125, []],
      ['Ana', 128, ['overlap']],
    ]);
  });

  test('a recording deleted while being labelled: the save is refused with a clear message', async () => {
    await backend.dispatch('recordings.delete', { id: recordingId });
    const error = await refusal(create({ onset: 120, apex: 121, offset: 122, emotion: 'fear' }));
    expect(error.code).toBe('NOT_FOUND');
    expect(error.message).toMatch(/no longer exists .* nothing was saved/);
  });
});

describe('listing', () => {
  test('filters by subject, emotion, AU, annotator and status, with pages', async () => {
    await create({ onset: 110, apex: 112, offset: 115, emotion: 'happiness', aus: '6+12' });
    await create({ onset: 150, apex: 152, offset: 160, emotion: 'surprise', aus: '1+2+5', uncertain: true });
    await create({ onset: 200, apex: null, offset: 210, emotion: 'happiness', aus: 'R12A or 14' }, ben.id);
    expect((await list({ emotion: 'HAPPINESS' })).total).toBe(2);
    expect((await list({ au: 12 })).events.map((e) => e.onset)).toEqual([110, 200]);
    expect((await list({ annotatorId: ben.id })).events.map((e) => e.onset)).toEqual([200]);
    expect((await list({ subjectId: subject.id })).total).toBe(3);
    expect((await list({ status: 'flagged' })).events.map((e) => e.onset)).toEqual([200]);
    expect((await list({ status: 'uncertain' })).events.map((e) => e.onset)).toEqual([150]);
    const page = await list({ limit: 2, offset: 2 });
    expect(page).toMatchObject({ total: 3 });
    expect(page.events.map((e) => e.onset)).toEqual([200]);
  });
});

describe('concurrent edits', () => {
  test('a stale edit is refused with the current value, never silently overwritten', async () => {
    const e = await create({ onset: 120, apex: 125, offset: 130, emotion: 'fear' });
    const anasEdit = await backend.dispatch('events.update', { id: e.id, annotatorId: ana.id, version: 1, emotion: 'anger' });
    expect(anasEdit).toMatchObject({ emotion: 'anger', version: 2 });
    const bensEdit = await refusal(backend.dispatch('events.update', { id: e.id, annotatorId: ben.id, version: 1, emotion: 'sadness' }));
    expect(bensEdit.code).toBe('CONFLICT');
    expect(bensEdit.message).toMatch(/changed by Ana since you opened it \(version 1, now 2\)/);
    expect(bensEdit.details).toMatchObject({ current: { emotion: 'anger', version: 2 } });
    expect((await refusal(backend.dispatch('events.delete', { id: e.id, annotatorId: ben.id, version: 1 }))).code).toBe('CONFLICT');
    expect(await backend.dispatch('events.get', { id: e.id })).toMatchObject({ emotion: 'anger', version: 2 });
  });
});

describe('audit trail and undo', () => {
  test('every change is recorded with who, when, before and after', async () => {
    const e = await create({ onset: 120, apex: 125, offset: 130, emotion: 'fear', aus: '1+2+4+20' });
    await backend.dispatch('events.update', { id: e.id, annotatorId: ben.id, version: 1, apex: 127 });
    const history = (await backend.dispatch('events.history', { id: e.id })) as EventChange[];
    expect(history.map((h) => [h.action, h.annotatorName])).toEqual([['create', 'Ana'], ['update', 'Ben']]);
    expect(history[1]).toMatchObject({ before: { apex: 125 }, after: { apex: 127 } });
  });

  test('undo and redo walk an annotator\'s own changes', async () => {
    const e = await create({ onset: 120, apex: 125, offset: 130, emotion: 'fear' });
    await backend.dispatch('events.update', { id: e.id, annotatorId: ana.id, version: 1, emotion: 'anger' });
    const undo = () => backend.dispatch('events.undo', { annotatorId: ana.id, projectId: project.id }) as Promise<{ event: LabelEvent | null }>;
    const redo = () => backend.dispatch('events.redo', { annotatorId: ana.id, projectId: project.id }) as Promise<{ event: LabelEvent | null }>;
    expect((await undo()).event).toMatchObject({ emotion: 'fear' });
    expect((await undo()).event).toBeNull();
    expect((await list()).total).toBe(0);
    expect((await undo()).event).toBeNull();
    expect((await redo()).event).toMatchObject({ id: e.id, emotion: 'fear' });
    expect((await redo()).event).toMatchObject({ emotion: 'anger' });
    const history = (await backend.dispatch('events.history', { id: e.id })) as EventChange[];
    expect(history.map((h) => h.action)).toEqual(['create', 'update', 'undo', 'undo', 'redo', 'redo']);
  });

  test('undo refuses to overwrite someone else\'s later change', async () => {
    const e = await create({ onset: 120, apex: 125, offset: 130, emotion: 'fear' });
    await backend.dispatch('events.update', { id: e.id, annotatorId: ben.id, version: 1, offset: 135 });
    const error = await refusal(backend.dispatch('events.undo', { annotatorId: ana.id, projectId: project.id }));
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toMatch(/Cannot undo: event \d+ has been changed since/);
    expect(await backend.dispatch('events.get', { id: e.id })).toMatchObject({ offset: 135 });
  });

  test('a deleted event\'s number is never given to a new one, so each keeps its own trail and undo', async () => {
    const first = await create({ onset: 120, apex: 125, offset: 130, emotion: 'fear' });
    await backend.dispatch('events.delete', { id: first.id, annotatorId: ana.id, version: 1 });
    const second = await create({ onset: 140, apex: 145, offset: 150, emotion: 'anger' }, ben.id);
    expect(second.id).not.toBe(first.id);
    const history = (await backend.dispatch('events.history', { id: second.id })) as EventChange[];
    expect(history.map((h) => [h.action, h.annotatorName])).toEqual([['create', 'Ben']]);
    expect((await backend.dispatch('events.undo', { annotatorId: ana.id, projectId: project.id }) as { event: LabelEvent | null }).event).toMatchObject({ id: first.id, emotion: 'fear' });
    expect((await list()).events.map((e) => [e.id, e.emotion])).toEqual([[first.id, 'fear'], [second.id, 'anger']]);
  });

  test('a new change clears the redo stack', async () => {
    const e = await create({ onset: 120, apex: 125, offset: 130, emotion: 'fear' });
    await backend.dispatch('events.update', { id: e.id, annotatorId: ana.id, version: 1, emotion: 'anger' });
    await backend.dispatch('events.undo', { annotatorId: ana.id, projectId: project.id });
    await backend.dispatch('events.update', { id: e.id, annotatorId: ana.id, version: 3, notes: 'checked' });
    expect(await backend.dispatch('events.redo', { annotatorId: ana.id, projectId: project.id })).toEqual({ change: null, event: null });
  });
});

test('changing the label set re-checks the emotions of existing events', async () => {
  const e = await create({ onset: 120, apex: 125, offset: 130, emotion: 'fear' });
  await backend.dispatch('projects.update', { id: project.id, labelSet: ['positive', 'negative', 'surprise'] });
  expect(((await backend.dispatch('events.get', { id: e.id })) as LabelEvent).flags).toEqual(['unknown-emotion']);
  expect((await list({ status: 'flagged' })).total).toBe(1);
});
