import { ApiError } from '../../../shared/api/errors';
import { isFinished, jobKinds, type Job, type JobKind } from '../../../shared/api/jobs';
import type { JobsRepository } from '../db/repositories/jobs';
import type { EventBus } from '../events';
import { notFound, validationError } from '../errors';
import { FromWorker, type JobHost, type WorkerExit, type WorkerHandle } from './protocol';
import { createThrottle } from './throttle';
import { removePartialFolders } from '../exports/partial-folders';
import type { ToolSettings } from '../media/locate-tools';

export interface SupervisorOptions {
  jobs: JobsRepository;
  events: EventBus;
  host: JobHost;
  dataDir: string;
  dbFile: string;
  tools?: ToolSettings;
  /** Jobs running at once; the rest wait in the queue. */
  concurrency?: number;
  /** How long a cancelled worker may take to stop before it is killed. */
  graceMs?: number;
  progressIntervalMs?: number;
}

interface Running {
  worker: WorkerHandle;
  /** Why we are stopping it, if we are. */
  stopping?: 'cancelled' | 'interrupted';
  killTimer?: ReturnType<typeof setTimeout>;
  progress: ReturnType<typeof createThrottle<{ progress: number; message: string }>>;
  exited: Promise<void>;
}

/** Runs jobs in supervised worker processes and keeps their records true, whatever happens. */
export function createJobSupervisor(options: SupervisorOptions) {
  const { jobs, events, host } = options;
  const concurrency = options.concurrency ?? 1;
  const graceMs = options.graceMs ?? 5000;
  const running = new Map<number, Running>();
  const toolSettings = {
    ...(options.tools?.ffmpegPath ? { ffmpegPath: options.tools.ffmpegPath } : {}),
    ...(options.tools?.ffprobePath ? { ffprobePath: options.tools.ffprobePath } : {}),
  };
  let closing = false;

  function mustGet(id: number): Job {
    const job = jobs.get(id);
    if (!job) throw notFound('Job', id);
    return job;
  }

  const publish = (id: number): void => events.emit('job.updated', mustGet(id));

  /**
   * Job bookkeeping runs in timers and process callbacks: a failed write (a full disk, a busy
   * database) is logged and survived, never thrown where it would take the host down. A job
   * whose final state could not be written is marked interrupted at the next start.
   */
  function safely(what: string, write: () => void): void {
    try {
      write();
    } catch (error) {
      console.error(`[jobs] could not ${what}: ${(error as Error).message}`);
    }
  }

  function pump(): void {
    if (closing) return;
    for (const job of jobs.listActive()) {
      if (running.size >= concurrency) return;
      if (job.status === 'queued' && !running.has(job.id)) launch(job);
    }
  }

  function launch(job: Job): void {
    if (!jobs.markRunning(job.id)) return;
    const worker = host.startWorker(`job ${job.id} ${job.kind}`);
    const entry: Running = {
      worker,
      progress: createThrottle(options.progressIntervalMs ?? 100, ({ progress, message }) =>
        safely(`record the progress of job ${job.id}`, () => {
          jobs.setProgress(job.id, progress, message);
          publish(job.id);
        }),
      ),
      exited: new Promise((resolve) => worker.onExit((exit) => resolve(safely(`handle the exit of job ${job.id}`, () => onExit(job.id, exit))))),
    };
    running.set(job.id, entry);
    worker.onMessage((raw) => safely(`handle a message of job ${job.id}`, () => onMessage(job.id, raw)));
    worker.send({ type: 'start', job: { id: job.id, kind: job.kind, params: job.params }, dataDir: options.dataDir, dbFile: options.dbFile, tools: toolSettings });
    publish(job.id);
  }

  function finish(id: number, f: Parameters<JobsRepository['finish']>[1]): void {
    running.get(id)?.progress.cancel();
    safely(`record the outcome of job ${id}`, () => {
      if (jobs.finish(id, f)) publish(id);
    });
  }

  function onMessage(id: number, raw: unknown): void {
    const entry = running.get(id);
    const parsed = FromWorker.safeParse(raw);
    if (!entry || !parsed.success) return;
    const message = parsed.data;
    switch (message.type) {
      case 'progress':
        entry.progress.push(message);
        return;
      case 'succeeded': {
        const kind = mustGet(id).kind;
        const result = jobKinds[kind].result.safeParse(message.result);
        if (result.success) finish(id, { status: 'succeeded', message: message.message, result: result.data });
        else finish(id, { status: 'failed', message: 'Failed', error: 'The job produced a result that does not match its kind' });
        return;
      }
      case 'failed':
        finish(id, { status: 'failed', message: 'Failed', error: message.error });
        return;
      case 'cancelled':
        finish(id, stoppedAs(entry));
    }
  }

  function stoppedAs(entry: Running): Parameters<JobsRepository['finish']>[1] {
    return entry.stopping === 'interrupted'
      ? { status: 'interrupted', message: 'Interrupted', error: 'Stopped because the app or server shut down' }
      : { status: 'cancelled', message: 'Cancelled' };
  }

  function onExit(id: number, exit: WorkerExit): void {
    const entry = running.get(id);
    if (!entry) return;
    clearTimeout(entry.killTimer);
    if (entry.stopping) finish(id, stoppedAs(entry));
    const how = exit.signal ? `was killed by ${exit.signal}` : `exited with code ${exit.code}`;
    // Only has an effect when the worker died before reporting an outcome.
    finish(id, { status: 'failed', message: 'Failed', error: `The worker process ${how} before the job finished` });
    const pid = entry.worker.pid;
    if (pid !== undefined) safely(`remove what job ${id} left half-written`, () => void removePartialFolders(mustGet(id), pid));
    running.delete(id);
    setImmediate(pump);
  }

  function stop(id: number, why: 'cancelled' | 'interrupted'): void {
    const entry = running.get(id);
    if (!entry || entry.stopping) return;
    entry.stopping = why;
    entry.worker.send({ type: 'cancel' });
    entry.killTimer = setTimeout(() => entry.worker.kill(), graceMs);
  }

  return {
    start(kind: JobKind, params: unknown): Job {
      if (closing) throw new ApiError('UNAVAILABLE', 'The backend is shutting down');
      const parsed = jobKinds[kind].params.safeParse(params ?? {});
      if (!parsed.success) throw validationError(`job ${kind}`, parsed.error);
      const id = jobs.insert(kind, parsed.data, true);
      publish(id);
      pump();
      return mustGet(id);
    },

    cancel(id: number): Job {
      const job = mustGet(id);
      if (isFinished(job.status)) return job;
      if (!job.cancellable) throw new ApiError('CONFLICT', `Job ${id} cannot be cancelled`);
      if (job.status === 'queued') finish(id, { status: 'cancelled', message: 'Cancelled before it started' });
      else {
        jobs.setProgress(id, job.progress, 'Cancelling…');
        publish(id);
        stop(id, 'cancelled');
      }
      return mustGet(id);
    },

    /** Resolves with the job once it has finished, or with its current state after timeoutMs. */
    wait(id: number, timeoutMs: number, signal: AbortSignal): Promise<Job> {
      const job = mustGet(id);
      if (isFinished(job.status)) return Promise.resolve(job);
      return new Promise((resolve, reject) => {
        const done = (): void => {
          unsubscribe();
          clearTimeout(timer);
          signal.removeEventListener('abort', onAbort);
        };
        const onAbort = (): void => {
          done();
          reject(new ApiError('CANCELLED', 'The call was cancelled'));
        };
        const unsubscribe = events.subscribe(['job.updated'], (_event, payload) => {
          const updated = payload as Job;
          if (updated.id === id && isFinished(updated.status)) {
            done();
            resolve(updated);
          }
        });
        const timer = setTimeout(() => {
          done();
          resolve(mustGet(id));
        }, timeoutMs);
        signal.addEventListener('abort', onAbort, { once: true });
      });
    },

    /** Tells every worker to stop, kills those that outlive the grace period, marks the rest. */
    async close(): Promise<void> {
      closing = true;
      for (const id of running.keys()) stop(id, 'interrupted');
      await Promise.all([...running.values()].map((r) => r.exited));
      jobs.interruptLeftovers();
    },

    runningCount: () => running.size,
  };
}

export type JobSupervisor = ReturnType<typeof createJobSupervisor>;
