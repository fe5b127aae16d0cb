import { ApiError } from '../../../shared/api/errors';
import type { LabelEvent } from '../../../shared/api/events';
import type { Recording } from '../../../shared/api/recordings';
import type { Db } from '../db/connection';
import { createEventChangesRepository, type StoredChange } from '../db/repositories/event-changes';
import { createEventsRepository, type EventState } from '../db/repositories/events';
import { createProjectsRepository } from '../db/repositories/projects';
import { createRecordingsRepository } from '../db/repositories/recordings';
import { createSubjectsRepository } from '../db/repositories/subjects';
import { notFound } from '../errors';
import { checkedState, sameState, stateOf, type EventInput } from './event-state';

const annotatorExists = (db: Db, id: number): boolean => db.prepare('SELECT 1 FROM annotators WHERE id = ?').get(id) !== undefined;

/**
 * Saving, changing and deleting events: each in one transaction with its audit record, each edit
 * checked against the version it was made from (a stale edit is refused with the current value),
 * and undo/redo walking an annotator's own changes.
 */
export function createEventsService(db: Db) {
  const events = createEventsRepository(db);
  const changes = createEventChangesRepository(db);
  const recordings = createRecordingsRepository(db);
  const projects = createProjectsRepository(db);
  const subjects = createSubjectsRepository(db);

  function mustGet(id: number): LabelEvent {
    const event = events.get(id);
    if (!event) throw notFound('Event', id);
    return event;
  }

  function recordingOf(id: number): Recording {
    const recording = recordings.get(id);
    if (!recording) throw new ApiError('NOT_FOUND', `Recording ${id} no longer exists (it may have been deleted while you were labelling); nothing was saved`);
    return recording;
  }

  function checkAnnotator(id: number): void {
    if (!annotatorExists(db, id)) throw new ApiError('VALIDATION', `Annotator ${id} does not exist`, [{ path: 'annotatorId', message: 'no such annotator' }]);
  }

  function validated(recording: Recording, annotatorId: number, input: Required<EventInput>, provenance: Record<string, string> | null): EventState {
    const project = projects.get(recording.projectId)!;
    if (input.subjectId !== null) {
      const subject = subjects.get(input.subjectId);
      if (!subject || subject.projectId !== project.id) throw new ApiError('VALIDATION', `Subject ${input.subjectId} is not a subject of this project`, [{ path: 'subjectId', message: 'not in this project' }]);
    }
    return checkedState(
      {
        recordingId: recording.id,
        annotatorId,
        subjectId: input.subjectId,
        onset: input.onset,
        apex: input.apex,
        offset: input.offset,
        emotion: input.emotion,
        objectiveClass: input.objectiveClass,
        auRaw: input.aus,
        notes: input.notes,
        uncertain: input.uncertain,
        provenance,
      },
      recording,
      project.labelSet,
    );
  }

  function stale(current: LabelEvent, version: number): ApiError {
    const by = changes.history(current.id).at(-1)?.annotatorName ?? 'someone';
    return new ApiError(
      'CONFLICT',
      `Event ${current.id} was changed by ${by} since you opened it (version ${version}, now ${current.version}); your change was not saved. Review the current value and try again.`,
      undefined,
      { current },
    );
  }

  /** Puts an event into the state `target` (null: absent), from whatever it is now. */
  function apply(eventId: number, target: EventState | null): void {
    const current = events.get(eventId);
    if (target === null) {
      if (current) events.delete(eventId, current.version);
    } else if (current) {
      events.update(eventId, current.version, target);
    } else {
      recordingOf(target.recordingId);
      // Versions only grow, so an edit made against the deleted event stays stale.
      events.insert(target, { id: eventId, version: changes.history(eventId).length + 1 });
    }
  }

  function rewind(kind: 'undo' | 'redo', annotatorId: number, projectId: number) {
    checkAnnotator(annotatorId);
    return db.transaction(() => {
      const change: StoredChange<EventState> | undefined =
        kind === 'undo' ? changes.nextUndo<EventState>(annotatorId, projectId) : changes.nextRedo<EventState>(annotatorId, projectId);
      if (!change) return { change: null, event: null };
      const [expected, target] = kind === 'undo' ? [change.after, change.before] : [change.before, change.after];
      const now = events.get(change.eventId);
      if (!sameState(now ? stateOf(now) : null, expected)) {
        throw new ApiError('CONFLICT', `Cannot ${kind}: event ${change.eventId} has been changed since${now ? ` (now by ${now.annotatorName}, version ${now.version})` : ' (it was deleted)'}`, undefined, { current: now ?? null });
      }
      apply(change.eventId, target);
      if (kind === 'undo') changes.markUndone(change.id);
      else changes.markDone(change.id);
      const id = changes.record({ eventId: change.eventId, projectId, annotatorId, action: kind, before: expected, after: target, target: change.id });
      return { change: changes.get(id) ?? null, event: events.get(change.eventId) ?? null };
    })();
  }

  return {
    get: mustGet,

    create(recordingId: number, annotatorId: number, input: EventInput & { onset: number; offset: number; apex: number | null; emotion: string }): LabelEvent {
      checkAnnotator(annotatorId);
      return db.transaction(() => {
        const recording = recordingOf(recordingId);
        const state = validated(recording, annotatorId, {
          ...input,
          objectiveClass: input.objectiveClass ?? null,
          aus: input.aus ?? '',
          notes: input.notes ?? '',
          uncertain: input.uncertain ?? false,
          subjectId: input.subjectId ?? null,
        }, null);
        const id = events.insert(state);
        changes.record({ eventId: id, projectId: recording.projectId, annotatorId, action: 'create', before: null, after: state });
        return mustGet(id);
      })();
    },

    update(id: number, annotatorId: number, version: number, input: EventInput): LabelEvent {
      checkAnnotator(annotatorId);
      return db.transaction(() => {
        const current = mustGet(id);
        if (current.version !== version) throw stale(current, version);
        const recording = recordingOf(current.recordingId);
        const before = stateOf(current);
        const merged: Required<EventInput> = {
          onset: input.onset ?? current.onset,
          apex: input.apex === undefined ? current.apex : input.apex,
          offset: input.offset ?? current.offset,
          emotion: input.emotion ?? current.emotion,
          objectiveClass: input.objectiveClass === undefined ? current.objectiveClass : input.objectiveClass,
          aus: input.aus ?? current.aus,
          notes: input.notes ?? current.notes,
          uncertain: input.uncertain ?? current.uncertain,
          subjectId: input.subjectId === undefined ? before.subjectId : input.subjectId,
        };
        // The event keeps its owner; the audit trail records who made the change.
        const after = validated(recording, current.annotatorId, merged, current.provenance);
        if (!events.update(id, version, after)) throw stale(mustGet(id), version);
        changes.record({ eventId: id, projectId: recording.projectId, annotatorId, action: 'update', before, after });
        return mustGet(id);
      })();
    },

    delete(id: number, annotatorId: number, version: number): void {
      checkAnnotator(annotatorId);
      db.transaction(() => {
        const current = mustGet(id);
        if (current.version !== version || !events.delete(id, version)) throw stale(current, version);
        changes.record({ eventId: id, projectId: current.projectId, annotatorId, action: 'delete', before: stateOf(current), after: null });
      })();
    },

    /** A consensus event from two codings of one recording, each field taken from the coding chosen. */
    adjudicate(aId: number, bId: number, adjudicatorId: number, pick: Record<'onset' | 'apex' | 'offset' | 'emotion' | 'aus', 'a' | 'b'>): LabelEvent {
      checkAnnotator(adjudicatorId);
      const a = mustGet(aId);
      const b = mustGet(bId);
      if (a.recordingId !== b.recordingId) throw new ApiError('VALIDATION', `Events ${aId} and ${bId} are on different recordings`);
      if (a.annotatorId === b.annotatorId) throw new ApiError('VALIDATION', `Events ${aId} and ${bId} are by the same coder; adjudication needs two codings`);
      const from = (field: keyof typeof pick) => (pick[field] === 'a' ? a : b);
      const provenance = Object.fromEntries((Object.keys(pick) as (keyof typeof pick)[]).map((f) => [f, `${from(f).annotatorName} (event ${from(f).id})`]));
      return db.transaction(() => {
        const consensusId = events.annotatorId('consensus');
        const recording = recordingOf(a.recordingId);
        const state = validated(
          recording,
          consensusId,
          {
            onset: from('onset').onset,
            apex: from('apex').apex,
            offset: from('offset').offset,
            emotion: from('emotion').emotion,
            aus: from('aus').aus,
            objectiveClass: from('emotion').objectiveClass,
            notes: `Consensus of ${a.annotatorName} and ${b.annotatorName}`,
            uncertain: false,
            subjectId: null,
          },
          provenance,
        );
        const id = events.insert(state);
        changes.record({ eventId: id, projectId: recording.projectId, annotatorId: adjudicatorId, action: 'create', before: null, after: state });
        return mustGet(id);
      })();
    },

    undo: (annotatorId: number, projectId: number) => rewind('undo', annotatorId, projectId),
    redo: (annotatorId: number, projectId: number) => rewind('redo', annotatorId, projectId),
    history: (id: number) => changes.history(id),
  };
}

export type EventsService = ReturnType<typeof createEventsService>;
