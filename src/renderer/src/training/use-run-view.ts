import { useEffect, useMemo, useRef, useState } from 'react';
import { isFinished, type Job } from '../../../shared/api/jobs';
import type { Run } from '../../../shared/api/training';
import type { TrainingDataPreview } from '../../../shared/api/training-preview';
import { planStages } from '../../../shared/domain/training';
import { useApiEvent } from '../api/use-api-event';
import { useApiQuery } from '../api/use-api-query';
import { useMutation } from '../api/use-mutation';
import { useApi } from '../app/api-context';
import { useJobsContext } from '../jobs/jobs-context';
import type { EpochDigest } from './epoch-digest';
import { runPosition, type PlannedFold } from './run-progress';
import { useEpochDigest } from './use-epoch-digest';
import { useThrottle } from './throttle';

/** The run view reads the run and its epochs again at most this often while its job reports progress. */
const refreshMs = 2000;

/**
 * The folds the run trains, in order: its split as the same code makes it now (onlyFolds
 * applied), or, when that cannot be made, the folds it is known to have touched.
 */
function plannedFolds(run: Run, preview: TrainingDataPreview | undefined, digest: EpochDigest | null): { folds: PlannedFold[]; known: boolean } {
  const only = run.config.protocol.onlyFolds;
  if (preview && preview.folds.length > 0) return { folds: preview.folds.filter((f) => only === null || only.includes(f.index)), known: true };
  const indices = [...new Set([...run.folds.map((f) => f.fold), ...(digest?.foldsWithEpochs ?? [])])].sort((a, b) => a - b);
  return { folds: indices.map((index) => ({ index, name: run.folds.find((f) => f.fold === index)?.name ?? `fold ${index + 1}` })), known: false };
}

/** Seconds since `iso`, ticking once a second while `live`. */
function useSecondsSince(iso: string | null, live: boolean): number | null {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!live) return undefined;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [live]);
  return iso === null ? null : Math.max(0, (now - Date.parse(iso)) / 1000);
}

/**
 * One training run, live: the run and its epochs, re-read (throttled) as its job reports
 * progress, where it is in folds, stages and epochs, and Cancel and Resume. After a reload it
 * finds the run's job again through the run.
 */
export function useRunView(runId: number) {
  const client = useApi();
  const jobs = useJobsContext();
  const run = useApiQuery('training.runs.get', { id: runId });
  const config = run.data?.config ?? null;
  const plan = useMemo(() => (config ? planStages(config) : []), [config]);
  const [fold, setFold] = useState<number | null>(null);
  const epochs = useEpochDigest(runId, fold, plan);
  const preview = useApiQuery('training.previewData', config ? { projectId: config.projectId, data: config.data, protocol: config.protocol, seed: config.seed } : null);
  const [resumedJobId, setResumedJobId] = useState<number | null>(null);

  // A resume job is the run's job from the moment it is started, before the run records it.
  const jobId = Math.max(run.data?.jobId ?? 0, resumedJobId ?? 0) || null;
  const tracked = jobs.jobs.find((j) => j.id === jobId);
  const fetched = useApiQuery('jobs.get', jobId !== null && !tracked ? { id: jobId } : null);
  const job: Job | null = tracked ?? fetched.data ?? null;
  const active = job !== null && !isFinished(job.status);

  const refresh = useThrottle(() => {
    run.reload();
    epochs.refresh();
  }, refreshMs);
  const lastStatus = useRef<string | null>(null);
  useApiEvent('job.updated', (updated) => {
    if (updated.id !== jobId) return;
    const changed = lastStatus.current !== updated.status;
    lastStatus.current = updated.status;
    // A finished job has written its last epoch and fold: read them at once.
    if (changed && isFinished(updated.status)) {
      run.reload();
      epochs.refresh();
    } else refresh();
  });

  const resume = useMutation(async () => {
    const started = await client.call('jobs.start', { kind: 'training.run', params: { resumeRunId: runId } });
    jobs.track(started);
    setResumedJobId(started.id);
    return started;
  });

  const data = run.data ?? null;
  const planned = data ? plannedFolds(data, preview.data, epochs.digest) : { folds: [], known: false };
  const position = data && epochs.digest ? runPosition({ plan, folds: planned.folds, finished: data.folds.map((f) => f.fold), tallies: epochs.digest.tallies }) : null;
  const status = active ? job.status : (data?.status ?? null);
  return {
    run,
    plan,
    job,
    status,
    active,
    digest: epochs.digest,
    epochsError: epochs.error,
    folds: planned,
    position,
    /** Wall-clock seconds of the job now training the run. */
    jobSeconds: useSecondsSince(active ? (job.startedAt ?? null) : null, active),
    curvesFold: fold,
    setCurvesFold: setFold,
    cancel: () => (jobId === null ? undefined : void jobs.cancel.run(jobId)),
    cancelling: jobs.cancel.pending,
    cancelError: jobs.cancel.error,
    resume,
    resumable: !active && data !== null && ['cancelled', 'interrupted', 'failed'].includes(data.status),
  };
}

export type RunViewState = ReturnType<typeof useRunView>;
