import path from 'node:path';
import type { JobKind } from '../../shared/api/jobs';
import { databaseFileName } from '../core/data-dir';
import { readFaults } from '../core/jobs/worker/faults';
import { runJob } from '../core/jobs/worker/run-job';
import type { FromWorker } from '../core/jobs/protocol';

/**
 * Runs a job's code in this process, as its worker would, without a job record: a command-line
 * run that fails leaves no trace in the data directory. Progress goes to stderr.
 */
export async function runLocalJob(dataDir: string, kind: JobKind, params: unknown, signal: AbortSignal): Promise<{ result: unknown; message: string }> {
  let lastLine = '';
  const send = (m: FromWorker): Promise<void> => {
    if (m.type === 'progress' && process.stderr.isTTY) {
      const line = `${Math.round(m.progress * 100)}% ${m.message}`;
      if (line !== lastLine) process.stderr.write(`\r${line.slice(0, 100).padEnd(100)}`);
      lastLine = line;
    }
    return Promise.resolve();
  };
  const outcome = await runJob(
    { type: 'start', job: { id: 0, kind, params }, dataDir, dbFile: path.join(dataDir, databaseFileName), tools: {} },
    signal,
    send,
    readFaults(process.env),
  );
  if (process.stderr.isTTY && lastLine) process.stderr.write('\n');
  if (outcome.type === 'succeeded') return { result: outcome.result, message: outcome.message };
  throw new Error(outcome.type === 'failed' ? outcome.error : 'Cancelled');
}
