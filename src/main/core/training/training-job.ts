import { jobKinds } from '../../../shared/api/jobs';
import { probeSpeed } from '../../ml/train/probe';
import { runTraining } from '../../ml/train/run-training';
import type { JobRunner } from '../jobs/worker/context';

const percent = (x: number | null) => (x === null ? 'n/a' : `${(x * 100).toFixed(1)} %`);

/** The `training.run` job: a run from its configuration, or an interrupted run from its checkpoint. */
export const trainingJob: JobRunner = async (raw, ctx) => {
  const params = jobKinds['training.run'].params.parse(raw);
  const outcome = await runTraining(ctx, 'resumeRunId' in params ? { resumeRunId: params.resumeRunId } : { config: params.config, name: params.name, group: params.group });
  const { accuracy, uf1, uar } = outcome.pooled;
  return {
    result: { runId: outcome.runId, backend: outcome.backend, folds: outcome.folds, accuracy, uf1, uar },
    message: `Run ${outcome.runId} on ${outcome.backend}: accuracy ${percent(accuracy)}, UF1 ${percent(uf1)}, UAR ${percent(uar)}`,
  };
};

/** The `training.probe` job: a few timed steps, so the wizard can say what a run will cost. */
export const trainingProbeJob: JobRunner = async (raw, ctx) => {
  const { config } = jobKinds['training.probe'].params.parse(raw);
  await ctx.progress(0, 'Timing a few training steps');
  const probe = await probeSpeed(ctx.db, config, ctx.signal);
  const minutes = Math.round(probe.runSeconds / 60);
  return { result: probe, message: `About ${minutes} min of training steps on ${probe.backend} (${probe.threads} thread${probe.threads > 1 ? 's' : ''})` };
};
