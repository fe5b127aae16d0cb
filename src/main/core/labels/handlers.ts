import { ApiError } from '../../../shared/api/errors';
import type { Annotator } from '../../../shared/api/events';
import type { Db } from '../db/connection';
import { createEventsRepository } from '../db/repositories/events';
import type { Handlers } from '../dispatch';
import type { EventBus } from '../events';
import { agreementReport } from './agreement';
import { createEventsService } from './events-service';

interface AnnotatorRow {
  id: number;
  name: string;
  event_count: number;
  created_at: string;
}

export function labelHandlers(db: Db, events: EventBus) {
  const service = createEventsService(db);
  const repo = createEventsRepository(db);
  const annotators = db.prepare<[], AnnotatorRow>(
    `SELECT a.*, (SELECT COUNT(*) FROM events e WHERE e.annotator_id = a.id) AS event_count FROM annotators a ORDER BY a.name COLLATE NOCASE`,
  );
  const toAnnotator = (r: AnnotatorRow): Annotator => ({ id: r.id, name: r.name, eventCount: r.event_count, createdAt: r.created_at });
  const changed = (e: { projectId: number; recordingId: number }): void => events.emit('events.changed', { projectId: e.projectId, recordingId: e.recordingId });

  return {
    'annotators.list': () => annotators.all().map(toAnnotator),
    'annotators.create': ({ name }) => {
      if (annotators.all().some((a) => a.name.toLowerCase() === name.toLowerCase())) throw new ApiError('CONFLICT', `An annotator named "${name}" already exists`);
      const id = repo.annotatorId(name);
      events.emit('annotators.changed', {});
      return toAnnotator(annotators.all().find((a) => a.id === id)!);
    },
    'events.list': ({ limit, offset, ...filter }) => repo.list(filter, limit ?? 200, offset ?? 0),
    'events.get': ({ id }) => service.get(id),
    'events.create': ({ recordingId, annotatorId, ...input }) => {
      const created = service.create(recordingId, annotatorId, input);
      changed(created);
      return created;
    },
    'events.update': ({ id, annotatorId, version, ...input }) => {
      const updated = service.update(id, annotatorId, version, input);
      changed(updated);
      return updated;
    },
    'events.delete': ({ id, annotatorId, version }) => {
      const current = service.get(id);
      service.delete(id, annotatorId, version);
      changed(current);
      return { ok: true as const };
    },
    'events.history': ({ id }) => service.history(id),
    'events.undo': ({ annotatorId, projectId }) => {
      const result = service.undo(annotatorId, projectId);
      if (result.change) changed({ projectId, recordingId: result.event?.recordingId ?? (result.change.before as { recordingId: number }).recordingId });
      return result;
    },
    'events.adjudicate': ({ aId, bId, annotatorId, pick }) => {
      const consensus = service.adjudicate(aId, bId, annotatorId, pick);
      events.emit('annotators.changed', {});
      changed(consensus);
      return consensus;
    },
    'agreement.report': (query) => agreementReport(db, query),
    'events.redo': ({ annotatorId, projectId }) => {
      const result = service.redo(annotatorId, projectId);
      if (result.change) changed({ projectId, recordingId: result.event?.recordingId ?? (result.change.before as { recordingId: number }).recordingId });
      return result;
    },
  } satisfies Partial<Handlers>;
}
