import { useEffect, useEffectEvent } from 'react';
import type { EventName, EventPayload } from '../../../shared/api/contract';
import { useApi } from '../app/api-context';

/** Listens to one backend event while the component is mounted; the latest `listener` is used. */
export function useApiEvent<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): void {
  const client = useApi();
  const onEvent = useEffectEvent(listener);
  useEffect(() => client.on(event, (payload) => onEvent(payload)), [client, event]);
}
