import { ApiError } from '../../../shared/api/errors';
import type { Subject } from '../../../shared/api/subjects';
import type { EventBus } from '../events';
import { notFound } from '../errors';
import type { Handlers } from '../dispatch';
import type { ProjectsRepository } from '../db/repositories/projects';
import type { SubjectsRepository } from '../db/repositories/subjects';

export function subjectHandlers(subjects: SubjectsRepository, projects: ProjectsRepository, events: EventBus) {
  function mustGet(id: number): Subject {
    const subject = subjects.get(id);
    if (!subject) throw notFound('Subject', id);
    return subject;
  }

  function assertCodeFree(projectId: number, code: string, exceptId?: number): void {
    const other = subjects.findByCode(projectId, code);
    if (other && other.id !== exceptId) throw new ApiError('CONFLICT', `Subject "${code}" already exists in this project`);
  }

  return {
    'subjects.list': ({ projectId }) => {
      if (!projects.get(projectId)) throw notFound('Project', projectId);
      return subjects.list(projectId);
    },
    'subjects.create': ({ projectId, code, notes }) => {
      if (!projects.get(projectId)) throw notFound('Project', projectId);
      assertCodeFree(projectId, code);
      const id = subjects.insert(projectId, code, notes ?? '');
      events.emit('subjects.changed', { projectId });
      return mustGet(id);
    },
    'subjects.update': ({ id, code, notes }) => {
      const current = mustGet(id);
      if (code !== undefined) assertCodeFree(current.projectId, code, id);
      subjects.update(id, code ?? current.code, notes ?? current.notes);
      events.emit('subjects.changed', { projectId: current.projectId });
      return mustGet(id);
    },
    'subjects.delete': ({ id }) => {
      const subject = mustGet(id);
      if (subject.recordingCount > 0) {
        throw new ApiError(
          'CONFLICT',
          `Subject "${subject.code}" has ${subject.recordingCount} recording(s); reassign or delete them before deleting the subject`,
        );
      }
      subjects.delete(id);
      events.emit('subjects.changed', { projectId: subject.projectId });
      return { ok: true as const };
    },
  } satisfies Partial<Handlers>;
}
