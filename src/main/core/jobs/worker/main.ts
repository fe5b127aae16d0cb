/** Entry of a job's worker process: waits for its start message, runs the job, reports, exits. */
import { ToWorker } from '../protocol';
import { connectToParent } from './channel';
import { readFaults } from './faults';
import { runJob } from './run-job';

const parent = connectToParent();
const controller = new AbortController();
let started = false;

// Without a supervisor nobody records the outcome; stop rather than work unobserved.
parent.onParentGone(() => process.exit(1));

parent.onMessage((raw) => {
  const parsed = ToWorker.safeParse(raw);
  if (!parsed.success) return;
  const message = parsed.data;
  if (message.type === 'cancel') {
    controller.abort();
    return;
  }
  if (started) return;
  started = true;
  void runJob(message, controller.signal, parent.send, readFaults(process.env)).then(async (outcome) => {
    await parent.send(outcome);
    process.exit(0);
  });
});
