import path from 'node:path';
import { openDatabase } from '../../db/connection';
import type { FromWorker, ToWorker } from '../protocol';
import { JobCancelled, type JobContext } from './context';
import type { Faults } from './faults';
import { runners } from './kinds';

type StartMessage = Extract<ToWorker, { type: 'start' }>;
export type JobOutcome = Exclude<FromWorker, { type: 'progress' }>;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs one job to its outcome; never throws. */
export async function runJob(start: StartMessage, signal: AbortSignal, send: (m: FromWorker) => Promise<void>, faults: Faults): Promise<JobOutcome> {
  let db: JobContext['db'] | undefined;
  try {
    db = openDatabase(start.dbFile);
    const clamp = (f: number) => Math.min(1, Math.max(0, f));
    const ctx: JobContext = {
      jobId: start.job.id > 0 ? start.job.id : null,
      db,
      dataDir: start.dataDir,
      mediaRoot: path.join(start.dataDir, 'media'),
      tools: start.tools,
      signal,
      report(fraction, message) {
        void send({ type: 'progress', progress: clamp(fraction), message });
      },
      async progress(fraction, message) {
        if (faults.crashAt !== null && fraction >= faults.crashAt) process.kill(process.pid, 'SIGKILL');
        if (faults.progressDelayMs > 0) await sleep(faults.progressDelayMs);
        if (signal.aborted) throw new JobCancelled();
        await send({ type: 'progress', progress: clamp(fraction), message });
      },
    };
    const { result, message } = await runners[start.job.kind](start.job.params, ctx);
    return { type: 'succeeded', result, message };
  } catch (error) {
    if (error instanceof JobCancelled || signal.aborted) return { type: 'cancelled' };
    return { type: 'failed', error: error instanceof Error ? error.message : String(error) };
  } finally {
    db?.close();
  }
}
