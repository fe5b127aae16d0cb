import type { Db } from '../../db/connection';

export class JobCancelled extends Error {
  override readonly name = 'JobCancelled';
  constructor() {
    super('The job was cancelled');
  }
}

/** What a job kind gets to do its work. */
export interface JobContext {
  db: Db;
  dataDir: string;
  signal: AbortSignal;
  /**
   * Reports progress (0..1) and is the job's cancellation point: it throws JobCancelled once the
   * job has been asked to stop.
   */
  progress(fraction: number, message: string): Promise<void>;
}

export type JobRunner = (params: unknown, ctx: JobContext) => Promise<{ result: unknown; message: string }>;
