import { useRef } from 'react';
import { isFinished, type Job } from '../../../shared/api/jobs';
import type { Recording } from '../../../shared/api/recordings';
import { useApiEvent } from '../api/use-api-event';
import { useApiQuery, type QueryState } from '../api/use-api-query';
import { useJobsContext } from '../jobs/jobs-context';

export const importKinds = ['recordings.import-video', 'recordings.import-images', 'recordings.import-session', 'datasets.import'] as const;

/** Jobs that change a project's recordings from the job worker, which sends no `recordings.changed`. */
const changingKinds: readonly string[] = [...importKinds, 'recordings.detect-faces'];

/** Whether `job` is one of `kinds` working on `projectId`. */
function isKindInProject(job: Job, kinds: readonly string[], projectId: number): boolean {
  return kinds.includes(job.kind) && (job.params as { projectId?: unknown } | null)?.projectId === projectId;
}

/** Whether `job` imports into `projectId`. */
export function isImportInto(job: Job, projectId: number): boolean {
  return isKindInProject(job, importKinds, projectId);
}

export interface Recordings {
  list: QueryState<Recording[]>;
  /** Imports into this project that are queued or running. */
  activeImports: Job[];
}

/**
 * The recordings of a project, kept live: `recordings.changed` reloads them, and so does an import
 * or a face-box detection in this project that has just finished.
 */
export function useRecordings(projectId: number | null): Recordings {
  const list = useApiQuery('recordings.list', projectId === null ? null : { projectId });
  const { jobs } = useJobsContext();
  const finishedSeen = useRef(new Set<number>());

  useApiEvent('recordings.changed', (payload) => {
    if (payload.projectId === projectId) list.reload();
  });
  useApiEvent('job.updated', (job) => {
    if (projectId === null || !isKindInProject(job, changingKinds, projectId) || !isFinished(job.status)) return;
    if (finishedSeen.current.has(job.id)) return;
    finishedSeen.current.add(job.id);
    list.reload();
  });

  const activeImports = projectId === null ? [] : jobs.filter((job) => isImportInto(job, projectId) && !isFinished(job.status));
  return { list, activeImports };
}
