import { ApiError } from '../../../shared/api/errors';
import { defaultLabelSet, type Project } from '../../../shared/api/projects';
import type { EventBus } from '../events';
import { notFound } from '../errors';
import type { Handlers } from '../dispatch';
import type { ProjectsRepository } from '../db/repositories/projects';

const defaultFps = 50;

export interface ProjectHooks {
  /** Lets events re-check their emotions against the new label set. */
  labelSetChanged(projectId: number): void;
  /** After a project's rows are gone: removes what it kept on disk (its runs' folders). */
  deleted(): void;
}

export function projectHandlers(projects: ProjectsRepository, events: EventBus, hooks: ProjectHooks) {
  function mustGet(id: number): Project {
    const project = projects.get(id);
    if (!project) throw notFound('Project', id);
    return project;
  }

  function assertNameFree(name: string, exceptId?: number): void {
    const other = projects.findByName(name);
    if (other && other.id !== exceptId) throw new ApiError('CONFLICT', `A project named "${other.name}" already exists`);
  }

  return {
    'projects.list': () => projects.list(),
    'projects.get': ({ id }) => mustGet(id),
    'projects.create': ({ name, labelSet, defaultFps: fps }) => {
      assertNameFree(name);
      const id = projects.insert({ name, labelSet: labelSet ?? [...defaultLabelSet], defaultFps: fps ?? defaultFps });
      events.emit('projects.changed', { projectId: id });
      return mustGet(id);
    },
    'projects.update': ({ id, ...changes }) => {
      const current = mustGet(id);
      if (changes.name !== undefined) assertNameFree(changes.name, id);
      projects.update(id, {
        name: changes.name ?? current.name,
        labelSet: changes.labelSet ?? current.labelSet,
        defaultFps: changes.defaultFps ?? current.defaultFps,
      });
      if (changes.labelSet) hooks.labelSetChanged(id);
      events.emit('projects.changed', { projectId: id });
      return mustGet(id);
    },
    'projects.delete': ({ id }) => {
      const project = mustGet(id);
      const recordings = projects.recordingCount(id);
      if (recordings > 0) {
        throw new ApiError(
          'CONFLICT',
          `Project "${project.name}" still has ${recordings} recording(s); delete them first so no frames are left behind`,
        );
      }
      projects.delete(id);
      hooks.deleted();
      events.emit('projects.changed', { projectId: id });
      return { ok: true as const };
    },
  } satisfies Partial<Handlers>;
}
