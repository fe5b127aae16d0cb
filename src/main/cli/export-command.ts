import { jobKinds } from '../../shared/api/jobs';
import { createProjectsRepository } from '../core/db/repositories/projects';
import type { Session } from './data-access';
import { runLocalJob } from './local-job';

export interface ExportArgs {
  project: string;
  protocol: string | undefined;
  folds: string | undefined;
  seed: string | undefined;
  mapping: string | undefined;
  out: string | undefined;
  frames: boolean;
  crop: boolean;
  /** N for N x N frames, as typed. */
  size: string | undefined;
}

/** Writes a split of the project's events and returns the figures scripts check. */
export async function exportCommand(session: Session, args: ExportArgs, signal: AbortSignal, write: (line: string) => void): Promise<object> {
  const project = createProjectsRepository(session.db).findByName(args.project);
  if (!project) throw new Error(`There is no project named "${args.project}"`);
  if ((args.crop || args.size !== undefined) && !args.frames) throw new Error('--crop and --size apply to copied frames: add --frames');
  const params = jobKinds['datasets.export'].params.safeParse({
    projectId: project.id,
    protocol: args.protocol ?? 'kfold',
    ...(args.folds ? { folds: Number(args.folds) } : {}),
    ...(args.seed ? { seed: Number(args.seed) } : {}),
    ...(args.mapping ? { mapping: args.mapping } : {}),
    copyFrames: args.frames,
    ...(args.crop ? { frameCrop: true } : {}),
    ...(args.size === undefined ? {} : { frameSize: Number(args.size) }),
    out: args.out,
  });
  if (!params.success) throw new Error(`Bad export options: ${params.error.issues.map((i) => `${i.path.join('.') || 'options'}: ${i.message}`).join('; ')}`);
  const { result, message } = await runLocalJob(session.dataDir, 'datasets.export', params.data, signal);
  write(message);
  const r = result as { folds: number; samples: number; subjects: number; leaks: number; dropped: number };
  if (r.dropped > 0) write(`${r.dropped} event(s) left out (see "dropped" in manifest.json)`);
  return { folds: r.folds, samples: r.samples, subjects: r.subjects, leaks: r.leaks };
}
