import type { ModelExportResult } from '../../shared/api/models';
import type { Session } from './data-access';
import { runLocalJob } from './local-job';

/** `--fold 1,3` (1-based, as the app names folds) to 0-based fold numbers. */
function foldsOf(text: string): number[] {
  return text.split(',').map((part) => {
    const n = Number(part.trim());
    if (!Number.isInteger(n) || n < 1) throw new Error(`--fold takes fold numbers from 1, like 1 or 1,3; not "${part.trim()}"`);
    return n - 1;
  });
}

/** Saves a run's fold models as TF.js model folders (the same job as the Results page's button). */
export async function exportModelCommand(session: Session, args: { run: string | undefined; fold: string | undefined; out: string | undefined }, signal: AbortSignal): Promise<object> {
  if (!args.run || !args.out) throw new Error('export-model needs --run RUN and --out DIR');
  const runId = Number(args.run);
  if (!Number.isInteger(runId) || runId < 1) throw new Error(`--run must be a run number, not "${args.run}"`);
  const params = { runId, out: args.out, ...(args.fold ? { folds: foldsOf(args.fold) } : {}) };
  const { result } = await runLocalJob(session.dataDir, 'models.export', params, signal);
  const r = result as ModelExportResult;
  return { dir: r.dir, models: r.models.map((m) => ({ fold: m.fold + 1, dir: m.dir })), bytes: r.models.reduce((n, m) => n + m.bytes, 0) };
}
