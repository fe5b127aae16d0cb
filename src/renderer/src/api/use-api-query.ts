import { useCallback, useEffect, useState } from 'react';
import type { ApiError } from '../../../shared/api/errors';
import type { Input, MethodName, Output } from '../../../shared/api/contract';
import { useApi } from '../app/api-context';
import { asApiError } from './errors';

export interface QueryState<T> {
  /** The answer for the current arguments; kept while a reload of the same arguments runs. */
  data: T | undefined;
  error: ApiError | null;
  /** True until the answer for the current arguments (and latest reload) has arrived. */
  loading: boolean;
  reload: () => void;
}

interface Settled<T> {
  key: string;
  request: string;
  data: T | undefined;
  error: ApiError | null;
}

/**
 * Calls a read method and keeps its answer. `args === null` means "nothing to ask yet".
 * A newer request aborts the older one, so a slow answer never overwrites a newer one.
 */
export function useApiQuery<M extends MethodName>(method: M, args: Input<M> | null): QueryState<Output<M>> {
  const client = useApi();
  // The arguments travel as JSON anyway; as a string they are a stable effect dependency.
  const argsJson = args === null ? null : JSON.stringify(args);
  const key = argsJson === null ? null : `${method}:${argsJson}`;
  const [version, setVersion] = useState(0);
  const [settled, setSettled] = useState<Settled<Output<M>> | null>(null);
  const request = key === null ? null : `${key}#${version}`;

  useEffect(() => {
    if (argsJson === null || key === null || request === null) return undefined;
    const controller = new AbortController();
    client.call(method, JSON.parse(argsJson) as Input<M>, { signal: controller.signal }).then(
      (data) => setSettled({ key, request, data, error: null }),
      (error: unknown) => {
        if (controller.signal.aborted) return;
        setSettled((previous) => ({
          key,
          request,
          data: previous?.key === key ? previous.data : undefined,
          error: asApiError(error),
        }));
      },
    );
    return () => controller.abort();
  }, [client, method, argsJson, key, request]);

  const reload = useCallback(() => setVersion((v) => v + 1), []);
  const current = settled !== null && settled.key === key;
  return {
    data: current ? settled.data : undefined,
    error: current ? settled.error : null,
    loading: key !== null && settled?.request !== request,
    reload,
  };
}
