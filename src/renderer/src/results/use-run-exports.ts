import { useState } from 'react';
import type { EpochRecord, Run } from '../../../shared/api/training';
import { asApiError } from '../api/errors';
import { useApi } from '../app/api-context';
import { downloadText } from './exports/download';
import { runFileName } from './exports/file-names';
import { metricsCsv, predictionsCsv } from './exports/results-csv';
import { resultsJson } from './exports/results-json';
import { runLatex } from './exports/results-latex';

export type RunExport = 'metrics-csv' | 'predictions-csv' | 'json' | 'latex';

/** Downloads of a run's results; predictions are read only when a file needs them. */
export function useRunExports(run: Run, epochs: readonly EpochRecord[]) {
  const client = useApi();
  const [busy, setBusy] = useState<RunExport | null>(null);
  const [error, setError] = useState<string | null>(null);

  const download = async (what: RunExport) => {
    setBusy(what);
    setError(null);
    try {
      if (what === 'metrics-csv') downloadText(runFileName(run, 'metrics', 'csv'), metricsCsv(run), 'text/csv');
      if (what === 'latex') downloadText(runFileName(run, 'metrics', 'tex'), runLatex(run), 'application/x-tex');
      if (what === 'predictions-csv' || what === 'json') {
        const predictions = await client.call('training.runs.predictions', { id: run.id });
        if (what === 'predictions-csv') downloadText(runFileName(run, 'predictions', 'csv'), predictionsCsv(run, predictions), 'text/csv');
        else downloadText(runFileName(run, 'results', 'json'), resultsJson(run, predictions, epochs, new Date().toISOString()), 'application/json');
      }
    } catch (e) {
      setError(asApiError(e).message);
    } finally {
      setBusy(null);
    }
  };
  return { download, busy, error };
}
