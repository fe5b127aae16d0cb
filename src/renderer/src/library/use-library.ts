import type { Project } from '../../../shared/api/projects';
import type { Subject } from '../../../shared/api/subjects';
import { useApiEvent } from '../api/use-api-event';
import { useApiQuery, type QueryState } from '../api/use-api-query';
import { useStoredProjectId } from './use-selected-project';

export interface Library {
  projects: QueryState<Project[]>;
  /** The remembered project, or the first one when that is gone or none was chosen. */
  selected: Project | null;
  /** `null` forgets the choice (the first project is then shown). */
  select: (id: number | null) => void;
  subjects: QueryState<Subject[]>;
}

/** Projects and the selected project's subjects, kept live by the backend's change events. */
export function useLibrary(): Library {
  const projects = useApiQuery('projects.list', {});
  const [storedId, select] = useStoredProjectId();
  const list = projects.data ?? [];
  const selected = list.find((p) => p.id === storedId) ?? list[0] ?? null;
  const subjects = useApiQuery('subjects.list', selected ? { projectId: selected.id } : null);

  useApiEvent('projects.changed', () => projects.reload());
  // A project archive imported by anyone (a job writes no change events of its own).
  useApiEvent('job.updated', (job) => {
    if (job.kind === 'projects.import-archive' && job.status === 'succeeded') projects.reload();
  });
  useApiEvent('subjects.changed', ({ projectId }) => {
    // Subject counts are part of each project.
    projects.reload();
    if (projectId === selected?.id) subjects.reload();
  });

  // Each subject counts its recordings.
  useApiEvent('recordings.changed', ({ projectId }) => {
    if (projectId === selected?.id) subjects.reload();
  });

  return { projects, selected, select, subjects };
}
