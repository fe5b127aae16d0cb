import { z } from 'zod';
import { JobKind } from '../../../shared/api/jobs';

/** Messages between the supervisor and a job's worker process. Validated on both sides. */
export const ToWorker = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('start'),
    job: z.object({ id: z.number().int(), kind: JobKind, params: z.unknown() }),
    dataDir: z.string(),
    dbFile: z.string(),
    tools: z.object({ ffmpegPath: z.string().optional(), ffprobePath: z.string().optional() }),
  }),
  z.object({ type: z.literal('cancel') }),
]);
export type ToWorker = z.infer<typeof ToWorker>;

export const FromWorker = z.discriminatedUnion('type', [
  z.object({ type: z.literal('progress'), progress: z.number().min(0).max(1), message: z.string() }),
  z.object({ type: z.literal('succeeded'), result: z.unknown(), message: z.string() }),
  z.object({ type: z.literal('failed'), error: z.string() }),
  z.object({ type: z.literal('cancelled') }),
]);
export type FromWorker = z.infer<typeof FromWorker>;

export interface WorkerExit {
  code: number | null;
  signal: string | null;
}

/** One running worker process, whatever started it. */
export interface WorkerHandle {
  readonly pid: number | undefined;
  send(message: ToWorker): void;
  onMessage(listener: (message: unknown) => void): void;
  onExit(listener: (exit: WorkerExit) => void): void;
  /** Ends the process at once (SIGKILL where there are signals). */
  kill(): void;
}

/** Starts worker processes: `child_process.fork` for the server, `utilityProcess` in Electron. */
export interface JobHost {
  startWorker(name: string): WorkerHandle;
}
