import { ApiError } from '../../../shared/api/errors';
import type { CaptureSession } from '../../../shared/api/recordings';
import type { Db } from '../db/connection';
import type { SessionsRepository } from '../db/repositories/sessions';
import type { Handlers } from '../dispatch';
import { notFound } from '../errors';
import type { EventBus } from '../events';
import { resolveTarget } from './target';

export function sessionHandlers(db: Db, sessions: SessionsRepository, events: EventBus) {
  function mustGet(id: number): CaptureSession {
    const session = sessions.get(id);
    if (!session) throw notFound('Capture session', id);
    return session;
  }

  return {
    'sessions.list': ({ projectId }) => {
      resolveTarget(db, { projectId });
      return sessions.list(projectId);
    },
    'sessions.create': ({ projectId, ...f }) => {
      const { subjectId } = resolveTarget(db, { projectId, subjectId: f.subjectId });
      const id = sessions.insert(projectId, {
        subjectId,
        capturedOn: f.capturedOn ?? null,
        operator: f.operator ?? '',
        camera: f.camera ?? {},
        stimuli: f.stimuli ?? [],
        notes: f.notes ?? '',
      });
      events.emit('recordings.changed', { projectId });
      return mustGet(id);
    },
    'sessions.update': ({ id, ...f }) => {
      const current = mustGet(id);
      const subjectId = f.subjectId === undefined ? current.subjectId : f.subjectId;
      resolveTarget(db, { projectId: current.projectId, subjectId });
      sessions.update(id, {
        subjectId,
        capturedOn: f.capturedOn === undefined ? current.capturedOn : f.capturedOn,
        operator: f.operator ?? current.operator,
        camera: f.camera ?? current.camera,
        stimuli: f.stimuli ?? current.stimuli,
        notes: f.notes ?? current.notes,
      });
      events.emit('recordings.changed', { projectId: current.projectId });
      return mustGet(id);
    },
    'sessions.delete': ({ id }) => {
      const session = mustGet(id);
      if (session.recordingCount > 0) {
        throw new ApiError('CONFLICT', `Capture session ${id} still has ${session.recordingCount} recording(s); move or delete them first`);
      }
      sessions.delete(id);
      events.emit('recordings.changed', { projectId: session.projectId });
      return { ok: true as const };
    },
  } satisfies Partial<Handlers>;
}
