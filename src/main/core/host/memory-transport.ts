import type { EventMessage } from '../../../shared/protocol/envelope';
import type { Transport } from '../../../shared/protocol/transport';
import type { Backend } from '../backend';
import { createHostConnection } from './connection';

/** Round-trips through JSON so tests see exactly what a real carrier would deliver. */
const overTheWire = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/** The in-memory transport: the same host connection as IPC and WebSocket, without a carrier. */
export function createMemoryTransport(backend: Pick<Backend, 'reply' | 'events'>): Transport & { close(): void } {
  const listeners = new Map<string, Set<(m: EventMessage) => void>>();
  const connection = createHostConnection(backend, (message) => {
    for (const listener of listeners.get(message.event) ?? []) listener(overTheWire(message));
  });
  return {
    call: async (message) => overTheWire(await connection.call(overTheWire(message))),
    cancel: (id) => connection.cancel(id),
    subscribe(events, listener) {
      for (const event of events) {
        const set = listeners.get(event) ?? new Set();
        set.add(listener);
        listeners.set(event, set);
      }
      connection.subscribe(events);
      return () => {
        const emptied = events.filter((event) => {
          const set = listeners.get(event);
          set?.delete(listener);
          return set?.size === 0;
        });
        for (const event of emptied) listeners.delete(event);
        connection.unsubscribe(emptied);
      };
    },
    close: () => connection.close(),
  };
}
