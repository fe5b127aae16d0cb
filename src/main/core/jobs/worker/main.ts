/** Entry of a job's worker process: waits for its start message, runs the job, reports, exits. */
import type { Job } from '../../../../shared/api/jobs';
import { removePartialFolders } from '../../exports/partial-folders';
import { ToWorker } from '../protocol';
import { connectToParent } from './channel';
import { readFaults } from './faults';
import { runJob } from './run-job';

const parent = connectToParent();
const controller = new AbortController();
/** The job this worker runs, once started. */
let job: Pick<Job, 'kind' | 'params'> | undefined;

// Without a supervisor nobody records the outcome; stop rather than work unobserved, and take
// away the half-written export folder nobody will finish or remove.
parent.onParentGone(() => {
  if (job) removePartialFolders(job, process.pid);
  process.exit(1);
});

parent.onMessage((raw) => {
  const parsed = ToWorker.safeParse(raw);
  if (!parsed.success) return;
  const message = parsed.data;
  if (message.type === 'cancel') {
    controller.abort();
    return;
  }
  if (job) return;
  job = message.job;
  void runJob(message, controller.signal, parent.send, readFaults(process.env)).then(async (outcome) => {
    await parent.send(outcome);
    process.exit(0);
  });
});
