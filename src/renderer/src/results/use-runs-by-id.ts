import { useEffect, useState } from 'react';
import type { ApiError } from '../../../shared/api/errors';
import type { Run } from '../../../shared/api/training';
import { asApiError } from '../api/errors';
import { useApi } from '../app/api-context';

interface Loaded {
  key: string;
  runs: Run[] | undefined;
  error: ApiError | null;
}

/** Several whole runs (configuration and folds), in the order of `ids`; `version` re-reads them. */
export function useRunsById(ids: readonly number[], version: string) {
  const client = useApi();
  const key = `${ids.join(',')}#${version}`;
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  useEffect(() => {
    const controller = new AbortController();
    const wanted = key.split('#')[0]!.split(',').filter(Boolean).map(Number);
    Promise.all(wanted.map((id) => client.call('training.runs.get', { id }, { signal: controller.signal }))).then(
      (runs) => setLoaded({ key, runs, error: null }),
      (error: unknown) => {
        if (!controller.signal.aborted) setLoaded({ key, runs: undefined, error: asApiError(error) });
      },
    );
    return () => controller.abort();
  }, [client, key]);
  const current = loaded?.key === key ? loaded : null;
  return { runs: current?.runs, error: current?.error ?? null, loading: current === null };
}
