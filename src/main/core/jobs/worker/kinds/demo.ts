import { jobKinds } from '../../../../../shared/api/jobs';
import { createDemoProject } from '../../../demo/create-demo-project';
import type { JobRunner } from '../context';

export const createDemoJob: JobRunner = async (raw, ctx) => {
  const params = jobKinds['demo.create'].params.parse(raw);
  // MER_DEMO_SCALE=small makes the small demo the default (tests, slow machines).
  const result = await createDemoProject(ctx, params.scale ?? (process.env['MER_DEMO_SCALE'] === 'small' ? 'small' : 'full'));
  const message = result.created
    ? `Created the demo project: ${result.subjects} subjects, ${result.recordings} recordings, ${result.events} events`
    : 'The demo project already exists';
  return { result, message };
};
