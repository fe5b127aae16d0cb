import { afterEach, expect, test } from 'vitest';
import type { Annotator, LabelEvent } from '../../src/shared/api/events';
import type { Project } from '../../src/shared/api/projects';
import { makeRng } from '../../src/shared/domain/random';
import { createTestBackend } from '../helpers/backend';
import { insertRecording } from '../helpers/fixtures';

let backend: ReturnType<typeof createTestBackend>;
afterEach(async () => backend.dispose());

/** The flag's definition: another event of the same coder on the recording shares a frame. */
function overlapsAnother(e: LabelEvent, all: LabelEvent[]): boolean {
  return all.some((o) => o.id !== e.id && o.recordingId === e.recordingId && o.annotatorId === e.annotatorId && o.onset <= e.offset && o.offset >= e.onset);
}

test('the overlap flag stays right through creates, moves and deletes by two coders on two recordings', async () => {
  backend = createTestBackend();
  const project = (await backend.dispatch('projects.create', { name: 'Overlaps' })) as Project;
  const recordings = [insertRecording(backend, project.id, null, { count: 120 }), insertRecording(backend, project.id, null, { name: 'b', count: 120 })];
  const coders = [(await backend.dispatch('annotators.create', { name: 'Ana' })) as Annotator, (await backend.dispatch('annotators.create', { name: 'Ben' })) as Annotator];
  const rng = makeRng(7);
  const span = () => {
    const onset = rng.int(0, 110);
    return { onset, apex: null, offset: onset + rng.int(0, 9) };
  };
  const list = async () => ((await backend.dispatch('events.list', { projectId: project.id, limit: 1000 })) as { events: LabelEvent[] }).events;
  for (let step = 0; step < 80; step++) {
    const events = await list();
    const target = events.length > 0 ? rng.pick(events) : null;
    const roll = rng.next();
    if (target && roll < 0.3) {
      await backend.dispatch('events.update', { id: target.id, annotatorId: target.annotatorId, version: target.version, ...span() });
    } else if (target && roll < 0.4) {
      await backend.dispatch('events.delete', { id: target.id, annotatorId: target.annotatorId, version: target.version });
    } else {
      await backend.dispatch('events.create', { recordingId: rng.pick(recordings), annotatorId: rng.pick(coders).id, emotion: 'fear', ...span() });
    }
    const after = await list();
    expect(after.map((e) => [e.id, e.flags.includes('overlap')])).toEqual(after.map((e) => [e.id, overlapsAnother(e, after)]));
  }
});
