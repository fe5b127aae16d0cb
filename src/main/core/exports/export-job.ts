import { jobKinds } from '../../../shared/api/jobs';
import type { JobRunner } from '../jobs/worker/context';
import { exportSplit } from './export-split';

export const exportJob: JobRunner = async (raw, ctx) => {
  const params = jobKinds['datasets.export'].params.parse(raw);
  const result = await exportSplit(ctx, params);
  return { result, message: `Exported ${result.folds} fold(s) of ${result.samples} samples from ${result.subjects} subjects to ${result.dir}` };
};
