import type { Db } from '../../db/connection';
import type { ToolSettings } from '../../media/locate-tools';

export class JobCancelled extends Error {
  override readonly name = 'JobCancelled';
  constructor() {
    super('The job was cancelled');
  }
}

/** What a job kind gets to do its work. */
export interface JobContext {
  /** The job's record, or null when the command line runs the job's code without one. */
  jobId: number | null;
  db: Db;
  dataDir: string;
  /** Root of the frame store (`<dataDir>/media`). */
  mediaRoot: string;
  tools: ToolSettings;
  signal: AbortSignal;
  /**
   * Reports progress (0..1) and is the job's cancellation point: it throws JobCancelled once the
   * job has been asked to stop.
   */
  progress(fraction: number, message: string): Promise<void>;
  /** Reports progress from code that cannot wait (e.g. an ffmpeg callback); not a cancellation point. */
  report(fraction: number, message: string): void;
}

export type JobRunner = (params: unknown, ctx: JobContext) => Promise<{ result: unknown; message: string }>;
