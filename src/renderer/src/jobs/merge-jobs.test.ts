import { describe, expect, it } from 'vitest';
import type { Job } from '../../../shared/api/jobs';
import { mergeJobs, newerJob } from './merge-jobs';

function job(id: number, changes: Partial<Job> = {}): Job {
  return {
    id,
    kind: 'db.integrity',
    status: 'running',
    progress: 0,
    message: '',
    params: {},
    result: null,
    error: null,
    cancellable: true,
    createdAt: '2026-01-01T00:00:00.000Z',
    startedAt: '2026-01-01T00:00:01.000Z',
    finishedAt: null,
    ...changes,
  };
}

describe('newerJob', () => {
  it('never moves a job back to an earlier status', () => {
    const finished = job(1, { status: 'succeeded', progress: 1, finishedAt: '2026-01-01T00:00:02.000Z' });
    expect(newerJob(finished, job(1, { progress: 0.5 }))).toBe(finished);
    expect(newerJob(job(1, { status: 'queued', startedAt: null }), job(1))).toMatchObject({ status: 'running' });
  });

  it('keeps the higher progress of two running snapshots', () => {
    expect(newerJob(job(1, { progress: 0.7 }), job(1, { progress: 0.3 })).progress).toBe(0.7);
    expect(newerJob(job(1, { progress: 0.3 }), job(1, { progress: 0.7 })).progress).toBe(0.7);
  });
});

describe('mergeJobs', () => {
  it('adds new jobs, updates known ones and keeps the newest first', () => {
    const merged = mergeJobs([job(1), job(3)], [job(2), job(3, { progress: 0.5 })]);
    expect(merged.map((j) => j.id)).toEqual([3, 2, 1]);
    expect(merged[0]?.progress).toBe(0.5);
  });
});
