import type { Job, JobKind, JobStatus } from '../../../shared/api/jobs';

export const jobKindLabels: Record<JobKind, string> = {
  'db.integrity': 'Database integrity check',
  'db.backup': 'Database backup',
};

export const jobStatusLabels: Record<JobStatus, string> = {
  queued: 'Queued',
  running: 'Running',
  succeeded: 'Succeeded',
  failed: 'Failed',
  cancelled: 'Cancelled',
  interrupted: 'Interrupted',
};

export type StatusColor = 'default' | 'info' | 'success' | 'error' | 'warning';

export const jobStatusColors: Record<JobStatus, StatusColor> = {
  queued: 'default',
  running: 'info',
  succeeded: 'success',
  failed: 'error',
  cancelled: 'default',
  interrupted: 'warning',
};

function seconds(from: string, to: string): string {
  const ms = Date.parse(to) - Date.parse(from);
  return Number.isFinite(ms) ? `${(ms / 1000).toFixed(ms < 10_000 ? 1 : 0)} s` : '';
}

/** "Started 14:02:11 · took 0.4 s", or when it was queued. */
export function jobTiming(job: Job): string {
  if (!job.startedAt) return `Queued ${new Date(job.createdAt).toLocaleTimeString()}`;
  const started = `Started ${new Date(job.startedAt).toLocaleTimeString()}`;
  return job.finishedAt ? `${started} · took ${seconds(job.startedAt, job.finishedAt)}` : started;
}

/** A line about the result, for kinds whose result a user wants to find again (a backup's file). */
export function jobResultLine(job: Job): string | null {
  if (job.status !== 'succeeded' || job.result === null || typeof job.result !== 'object') return null;
  const result = job.result as Record<string, unknown>;
  if (job.kind === 'db.backup' && typeof result['file'] === 'string') {
    const bytes = typeof result['bytes'] === 'number' ? ` (${(result['bytes'] / 1024).toFixed(0)} KiB)` : '';
    return `${result['file']}${bytes}`;
  }
  if (job.kind === 'db.integrity' && Array.isArray(result['problems']) && result['problems'].length > 0) {
    return result['problems'].map(String).join('\n');
  }
  return null;
}
