import { ApiError } from '../../shared/api/errors';
import { createProjectsRepository } from '../core/db/repositories/projects';
import { createSubjectsRepository } from '../core/db/repositories/subjects';
import type { Session } from './data-access';
import { runLocalJob } from './local-job';

export interface ImportVideoArgs {
  project: string;
  subject: string | undefined;
  stimulus: string | undefined;
  png: boolean;
  file: string;
}

/**
 * Imports one video. The project and subject are created when missing, and removed again if
 * the import fails, so a failed run leaves the data as it was.
 */
export async function importVideoCommand(session: Session, args: ImportVideoArgs, signal: AbortSignal): Promise<object> {
  const projects = createProjectsRepository(session.db);
  const subjects = createSubjectsRepository(session.db);
  const existingProject = projects.findByName(args.project);
  const projectId = existingProject?.id ?? projects.insert({ name: args.project, labelSet: ['happiness', 'surprise', 'disgust', 'sadness', 'fear', 'anger'], defaultFps: 50 });
  const existingSubject = args.subject === undefined ? undefined : subjects.findByCode(projectId, args.subject);
  const subjectId = args.subject === undefined ? null : (existingSubject?.id ?? subjects.insert(projectId, args.subject, ''));
  try {
    const { result } = await runLocalJob(
      session.dataDir,
      'recordings.import-video',
      { projectId, subjectId, path: args.file, ...(args.stimulus ? { stimulus: args.stimulus } : {}), ...(args.png ? { frameFormat: 'png' } : {}) },
      signal,
    );
    const r = result as { recordingId: number; frames: number; fps: string; width: number; height: number; duplicate: boolean };
    return { recording: r.recordingId, frames: r.frames, fps: r.fps, width: r.width, height: r.height, ...(r.duplicate ? { duplicate: true } : {}) };
  } catch (error) {
    if (subjectId !== null && !existingSubject) subjects.delete(subjectId);
    if (!existingProject) projects.delete(projectId);
    throw error instanceof ApiError ? error : new Error((error as Error).message);
  }
}
