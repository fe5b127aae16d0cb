import { ApiError } from '../../../shared/api/errors';
import type { Recording } from '../../../shared/api/recordings';
import type { Db } from '../db/connection';
import type { JobsRepository } from '../db/repositories/jobs';
import type { RecordingsRepository } from '../db/repositories/recordings';
import type { Handlers } from '../dispatch';
import { notFound } from '../errors';
import type { EventBus } from '../events';
import { moveToTrash } from '../media/frame-store';
import { resolveTarget } from './target';

/** Whether a queued or running job names this recording in its parameters. */
function jobUsing(jobs: JobsRepository, recording: Recording): number | undefined {
  return jobs.listActive().find((job) => {
    const params = job.params as { recordingId?: unknown; recordingIds?: unknown; projectId?: unknown; kind?: unknown };
    if (params.recordingId === recording.id) return true;
    return Array.isArray(params.recordingIds) && params.recordingIds.includes(recording.id);
  })?.id;
}

export function recordingHandlers(db: Db, recordings: RecordingsRepository, jobs: JobsRepository, mediaRoot: string, events: EventBus) {
  function mustGet(id: number): Recording {
    const recording = recordings.get(id);
    if (!recording) throw notFound('Recording', id);
    return recording;
  }

  /** Subjects count their recordings, so a change to recordings changes them too. */
  const changed = (r: Recording): void => {
    events.emit('recordings.changed', { projectId: r.projectId });
    events.emit('subjects.changed', { projectId: r.projectId });
  };

  return {
    'recordings.list': ({ projectId, subjectId }) => {
      resolveTarget(db, { projectId });
      return recordings.list(projectId, subjectId);
    },
    'recordings.get': ({ id }) => mustGet(id),
    'recordings.update': ({ id, ...changes }) => {
      const current = mustGet(id);
      const subjectId = changes.subjectId === undefined ? current.subjectId : changes.subjectId;
      const sessionId = changes.sessionId === undefined ? current.sessionId : changes.sessionId;
      resolveTarget(db, { projectId: current.projectId, subjectId, sessionId });
      recordings.update(id, { name: changes.name ?? current.name, stimulus: changes.stimulus ?? current.stimulus, subjectId, sessionId });
      const updated = mustGet(id);
      changed(updated);
      return updated;
    },
    'recordings.setFaceBox': ({ id, faceBox }) => {
      const current = mustGet(id);
      if (faceBox && (faceBox.x + faceBox.width > current.width || faceBox.y + faceBox.height > current.height)) {
        throw new ApiError(
          'VALIDATION',
          `The face box ${faceBox.width}x${faceBox.height} at (${faceBox.x}, ${faceBox.y}) reaches outside the ${current.width}x${current.height} frame`,
          [{ path: 'faceBox', message: 'must lie inside the frame' }],
        );
      }
      recordings.setFaceBox(id, faceBox);
      const updated = mustGet(id);
      changed(updated);
      return updated;
    },
    'recordings.delete': ({ id }) => {
      const recording = mustGet(id);
      const busy = jobUsing(jobs, recording);
      if (busy !== undefined) throw new ApiError('CONFLICT', `Recording "${recording.name}" is in use by job ${busy}; wait for it or cancel it first`);
      // Frames are moved aside first: if the row cannot go, they come back; a crash leaves
      // them in the trash, which the next start-up empties.
      const trash = moveToTrash(mediaRoot, recording.mediaPath);
      try {
        recordings.delete(id);
      } catch (error) {
        trash.restore();
        throw error;
      }
      trash.erase();
      changed(recording);
      return { ok: true as const };
    },
  } satisfies Partial<Handlers>;
}
