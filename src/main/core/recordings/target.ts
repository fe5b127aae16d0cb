import type { Project } from '../../../shared/api/projects';
import type { Db } from '../db/connection';
import { createProjectsRepository } from '../db/repositories/projects';
import { createSessionsRepository } from '../db/repositories/sessions';
import { createSubjectsRepository } from '../db/repositories/subjects';
import { ApiError } from '../../../shared/api/errors';
import { notFound } from '../errors';

/** Where new recordings go. */
export interface RecordingOwner {
  projectId: number;
  subjectId: number | null;
  sessionId: number | null;
}

export interface ImportTarget extends RecordingOwner {
  project: Project;
}

/** Checks that the project exists and that the subject and session belong to it. */
export function resolveTarget(db: Db, ids: { projectId: number; subjectId?: number | null | undefined; sessionId?: number | null | undefined }): ImportTarget {
  const project = createProjectsRepository(db).get(ids.projectId);
  if (!project) throw notFound('Project', ids.projectId);
  const subjectId = ids.subjectId ?? null;
  if (subjectId !== null) {
    const subject = createSubjectsRepository(db).get(subjectId);
    if (!subject) throw notFound('Subject', subjectId);
    if (subject.projectId !== project.id) throw new ApiError('VALIDATION', `Subject "${subject.code}" belongs to another project`);
  }
  const sessionId = ids.sessionId ?? null;
  if (sessionId !== null) {
    const session = createSessionsRepository(db).get(sessionId);
    if (!session) throw notFound('Capture session', sessionId);
    if (session.projectId !== project.id) throw new ApiError('VALIDATION', `Capture session ${sessionId} belongs to another project`);
  }
  return { project, projectId: project.id, subjectId, sessionId };
}
