import { z } from 'zod';
import { Id, Timestamp } from './common';

export const jobStatuses = ['queued', 'running', 'succeeded', 'failed', 'cancelled', 'interrupted'] as const;
export const JobStatus = z.enum(jobStatuses);
export type JobStatus = z.infer<typeof JobStatus>;

export const finishedStatuses: readonly JobStatus[] = ['succeeded', 'failed', 'cancelled', 'interrupted'];

export function isFinished(status: JobStatus): boolean {
  return finishedStatuses.includes(status);
}

/** Every job kind with its parameters and its result. Later issues add import and training. */
export const jobKinds = {
  'db.integrity': {
    params: z.object({}).strict(),
    result: z.object({ ok: z.boolean(), problems: z.array(z.string()), tables: z.record(z.string(), z.number()) }),
  },
  'db.backup': {
    params: z.object({}).strict(),
    result: z.object({ file: z.string(), bytes: z.number() }),
  },
} as const;

export type JobKind = keyof typeof jobKinds;
export const JobKind = z.enum(Object.keys(jobKinds) as [JobKind, ...JobKind[]]);
export type JobParams<K extends JobKind> = z.infer<(typeof jobKinds)[K]['params']>;
export type JobResult<K extends JobKind> = z.infer<(typeof jobKinds)[K]['result']>;

export const Job = z.object({
  id: Id,
  kind: JobKind,
  status: JobStatus,
  /** 0..1 */
  progress: z.number(),
  message: z.string(),
  params: z.unknown(),
  result: z.unknown().nullable(),
  error: z.string().nullable(),
  cancellable: z.boolean(),
  createdAt: Timestamp,
  startedAt: Timestamp.nullable(),
  finishedAt: Timestamp.nullable(),
});
export type Job = z.infer<typeof Job>;

export const StartJob = z
  .object({ kind: JobKind, params: z.unknown().optional() })
  .strict();

export const ListJobs = z
  .object({ active: z.boolean().optional(), limit: z.number().int().min(1).max(500).optional() })
  .strict();

export const WaitJob = z
  .object({ id: Id, timeoutMs: z.number().int().min(0).max(600_000).optional() })
  .strict();
