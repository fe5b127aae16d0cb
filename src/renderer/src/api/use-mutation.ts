import { useCallback, useState } from 'react';
import type { ApiError } from '../../../shared/api/errors';
import { asApiError } from './errors';

export type MutationOutcome<R> = { ok: true; value: R } | { ok: false; error: ApiError };

export interface Mutation<A extends unknown[], R> {
  run: (...args: A) => Promise<MutationOutcome<R>>;
  pending: boolean;
  /** The last failure, shown by the form or dialog that ran it, until `reset` or the next run. */
  error: ApiError | null;
  reset: () => void;
}

/** Runs a changing call and keeps its pending state and its error for the view. */
export function useMutation<A extends unknown[], R>(action: (...args: A) => Promise<R>): Mutation<A, R> {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  const run = useCallback(
    async (...args: A): Promise<MutationOutcome<R>> => {
      setPending(true);
      setError(null);
      try {
        return { ok: true, value: await action(...args) };
      } catch (thrown) {
        const apiError = asApiError(thrown);
        setError(apiError);
        return { ok: false, error: apiError };
      } finally {
        setPending(false);
      }
    },
    [action],
  );

  const reset = useCallback(() => setError(null), []);
  return { run, pending, error, reset };
}
