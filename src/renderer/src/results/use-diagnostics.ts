import { useEffect, useRef } from 'react';
import type { Run } from '../../../shared/api/training';
import { useApiQuery } from '../api/use-api-query';

/** The run's decoupling diagnostics, read again whenever another fold finishes (they change only then). */
export function useDiagnostics(run: Run) {
  const diagnostics = useApiQuery('training.runs.diagnostics', { id: run.id });
  const finished = run.folds.length;
  const seen = useRef(finished);
  const reload = diagnostics.reload;
  useEffect(() => {
    if (seen.current === finished) return;
    seen.current = finished;
    reload();
  }, [finished, reload]);
  return diagnostics;
}
