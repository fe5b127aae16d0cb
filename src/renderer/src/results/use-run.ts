import { useEffect } from 'react';
import { useApiQuery } from '../api/use-api-query';

/** A run with its epoch rows, re-read whenever `liveKey` changes (its job made progress or ended). */
export function useRun(runId: number, liveKey: string) {
  const run = useApiQuery('training.runs.get', { id: runId });
  const epochs = useApiQuery('training.runs.epochs', { id: runId });
  const reloadRun = run.reload;
  const reloadEpochs = epochs.reload;
  useEffect(() => {
    if (liveKey === '') return;
    reloadRun();
    reloadEpochs();
  }, [liveKey, reloadRun, reloadEpochs]);
  return { run, epochs };
}
