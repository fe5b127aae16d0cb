import { useCallback } from 'react';
import type { Input, MethodName, Output } from '../../../shared/api/contract';
import { useApi } from '../app/api-context';
import { useMutation, type Mutation } from './use-mutation';

/** A mutation that is exactly one call of `method`. */
export function useCallMutation<M extends MethodName>(method: M): Mutation<[Input<M>], Output<M>> {
  const client = useApi();
  const action = useCallback((args: Input<M>) => client.call(method, args), [client, method]);
  return useMutation(action);
}
