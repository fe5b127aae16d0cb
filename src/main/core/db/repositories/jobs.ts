import type { Db } from '../connection';
import type { Job, JobKind, JobStatus } from '../../../../shared/api/jobs';

interface JobRow {
  id: number;
  kind: string;
  status: string;
  progress: number;
  message: string;
  params: string;
  result: string | null;
  error: string | null;
  cancellable: number;
  created_at: string;
  started_at: string | null;
  finished_at: string | null;
}

function toJob(row: JobRow): Job {
  return {
    id: row.id,
    kind: row.kind as JobKind,
    status: row.status as JobStatus,
    progress: row.progress,
    message: row.message,
    params: JSON.parse(row.params) as unknown,
    result: row.result === null ? null : (JSON.parse(row.result) as unknown),
    error: row.error,
    cancellable: row.cancellable === 1,
    createdAt: row.created_at,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
  };
}

export interface JobFinish {
  status: Extract<JobStatus, 'succeeded' | 'failed' | 'cancelled' | 'interrupted'>;
  message: string;
  result?: unknown;
  error?: string;
}

export function createJobsRepository(db: Db) {
  const byId = db.prepare<[number], JobRow>(`SELECT * FROM jobs WHERE id = ?`);
  const recent = db.prepare<[number], JobRow>(`SELECT * FROM jobs ORDER BY id DESC LIMIT ?`);
  const active = db.prepare<[], JobRow>(`SELECT * FROM jobs WHERE status IN ('queued','running') ORDER BY id`);
  const insert = db.prepare(
    `INSERT INTO jobs (kind, status, params, cancellable, message, created_at) VALUES (@kind, 'queued', @params, @cancellable, 'Waiting to start', @now)`,
  );
  const start = db.prepare(`UPDATE jobs SET status = 'running', started_at = @now, message = 'Starting' WHERE id = @id AND status = 'queued'`);
  const progress = db.prepare(`UPDATE jobs SET progress = @progress, message = @message WHERE id = @id AND status = 'running'`);
  const finish = db.prepare(
    `UPDATE jobs SET status = @status, message = @message, result = @result, error = @error, finished_at = @now,
       progress = CASE WHEN @status = 'succeeded' THEN 1 ELSE progress END
     WHERE id = @id AND status IN ('queued','running')`,
  );
  const interruptAll = db.prepare(
    `UPDATE jobs SET status = 'interrupted', finished_at = @now,
       error = 'The app or server stopped while this job was ' || status, message = 'Interrupted'
     WHERE status IN ('queued','running')`,
  );

  const get = (id: number): Job | undefined => {
    const row = byId.get(id);
    return row && toJob(row);
  };

  return {
    get,
    listRecent: (limit: number): Job[] => recent.all(limit).map(toJob),
    listActive: (): Job[] => active.all().map(toJob),
    insert(kind: JobKind, params: unknown, cancellable: boolean): number {
      const info = insert.run({ kind, params: JSON.stringify(params ?? {}), cancellable: cancellable ? 1 : 0, now: new Date().toISOString() });
      return Number(info.lastInsertRowid);
    },
    markRunning: (id: number): boolean => start.run({ id, now: new Date().toISOString() }).changes === 1,
    setProgress: (id: number, value: number, message: string): void =>
      void progress.run({ id, progress: Math.min(1, Math.max(0, value)), message }),
    finish(id: number, f: JobFinish): boolean {
      const result = f.result === undefined ? null : JSON.stringify(f.result);
      return finish.run({ id, status: f.status, message: f.message, result, error: f.error ?? null, now: new Date().toISOString() }).changes === 1;
    },
    /** At start-up: whatever was queued or running belongs to a process that is gone. */
    interruptLeftovers: (): number => interruptAll.run({ now: new Date().toISOString() }).changes,
  };
}

export type JobsRepository = ReturnType<typeof createJobsRepository>;
