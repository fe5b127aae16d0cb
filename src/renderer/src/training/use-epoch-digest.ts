import { useCallback, useEffect, useState } from 'react';
import type { ApiError } from '../../../shared/api/errors';
import type { StagePlan } from '../../../shared/domain/training';
import { asApiError } from '../api/errors';
import { useApi } from '../app/api-context';
import { digestEpochs, type EpochDigest } from './epoch-digest';

/** Points per curve: about one per two pixels of the chart's drawing width. */
export const pointsPerCurve = 300;
/** Epoch rows in the run's log. */
const recentRows = 8;

/**
 * A run's epoch rows as the run view needs them: read, digested (tallies, the chosen fold's
 * curves downsampled, the last rows) and dropped, so the page never keeps more than it draws.
 * `refresh` reads them again (the caller throttles it to the job's progress).
 */
export function useEpochDigest(runId: number, fold: number | null, plan: readonly StagePlan[]) {
  const client = useApi();
  const [state, setState] = useState<{ key: string; digest: EpochDigest } | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [version, setVersion] = useState(0);
  const planJson = JSON.stringify(plan);
  const key = `${runId}/${fold}/${planJson}`;

  useEffect(() => {
    const controller = new AbortController();
    client.call('training.runs.epochs', { id: runId }, { signal: controller.signal }).then(
      (records) => {
        setError(null);
        setState({ key, digest: digestEpochs(records, { fold, plan: JSON.parse(planJson) as StagePlan[], maxPoints: pointsPerCurve, recent: recentRows }) });
      },
      (thrown: unknown) => {
        if (!controller.signal.aborted) setError(asApiError(thrown));
      },
    );
    return () => controller.abort();
  }, [client, runId, fold, planJson, key, version]);

  const refresh = useCallback(() => setVersion((v) => v + 1), []);
  // A digest of another run is never shown; one of another fold is, until the new one arrives.
  const digest = state && state.key.startsWith(`${runId}/`) ? state.digest : null;
  return { digest, error, refresh };
}
