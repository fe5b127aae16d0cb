import type { EventName, EventPayload } from '../../shared/api/contract';

export type EventListener = (event: EventName, payload: unknown) => void;

/** The backend's outgoing events. Hosts subscribe and forward what their clients asked for. */
export interface EventBus {
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void;
  /** Receives the named events; returns the unsubscribe function. */
  subscribe(events: readonly string[], listener: EventListener): () => void;
}

export function createEventBus(): EventBus {
  const listeners = new Set<{ names: ReadonlySet<string>; listener: EventListener }>();
  return {
    emit(event, payload) {
      for (const entry of [...listeners]) {
        if (!entry.names.has(event)) continue;
        try {
          entry.listener(event, payload);
        } catch (error) {
          console.error(`[events] a listener of ${event} threw`, error);
        }
      }
    },
    subscribe(events, listener) {
      const entry = { names: new Set(events), listener };
      listeners.add(entry);
      return () => void listeners.delete(entry);
    },
  };
}
