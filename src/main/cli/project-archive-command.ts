import path from 'node:path';
import { jobKinds } from '../../shared/api/jobs';
import { createProjectsRepository } from '../core/db/repositories/projects';
import type { Session } from './data-access';
import { runLocalJob } from './local-job';

function parsed<T>(result: { success: true; data: T } | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } }): T {
  if (result.success) return result.data;
  throw new Error(`Bad options: ${result.error.issues.map((i) => `${i.path.join('.') || 'options'}: ${i.message}`).join('; ')}`);
}

/** Writes the project into one .merproj archive; prints where and what it holds. */
export async function exportProjectCommand(session: Session, args: { project: string; out: string }, signal: AbortSignal): Promise<object> {
  const project = createProjectsRepository(session.db).findByName(args.project);
  if (!project) throw new Error(`There is no project named "${args.project}"`);
  const params = parsed(jobKinds['projects.export-archive'].params.safeParse({ projectId: project.id, out: path.resolve(args.out) }));
  const { result } = await runLocalJob(session.dataDir, 'projects.export-archive', params, signal);
  const r = result as { file: string; bytes: number; counts: Record<string, number> };
  return { file: r.file, bytes: r.bytes, recordings: r.counts['recordings'] ?? 0, events: r.counts['events'] ?? 0, runs: r.counts['training_runs'] ?? 0 };
}

/** Opens an archive as a new project (renamed "X (2)" when the name is taken). */
export async function importProjectCommand(session: Session, file: string, signal: AbortSignal): Promise<object> {
  const params = parsed(jobKinds['projects.import-archive'].params.safeParse({ file: path.resolve(file) }));
  const { result } = await runLocalJob(session.dataDir, 'projects.import-archive', params, signal);
  const r = result as { project: string; archivedAs: string; counts: Record<string, number> };
  return { project: r.project, archivedAs: r.archivedAs, recordings: r.counts['recordings'] ?? 0, events: r.counts['events'] ?? 0, runs: r.counts['training_runs'] ?? 0 };
}
