import type { CallMessage, ClientMessage, EventMessage, ReplyMessage } from '../../../shared/protocol/envelope';
import type { Backend } from '../backend';

/**
 * One client of a host (a window, a WebSocket, a test): its calls in flight, so they can be
 * cancelled, and the events it asked for. Every host (IPC, HTTP/WS, memory) is built on this.
 */
export function createHostConnection(backend: Pick<Backend, 'reply' | 'events'>, sendEvent: (message: EventMessage) => void) {
  const inFlight = new Map<string, AbortController>();
  const subscriptions = new Map<string, () => void>();

  async function call(message: CallMessage): Promise<ReplyMessage> {
    const controller = new AbortController();
    inFlight.get(message.id)?.abort();
    inFlight.set(message.id, controller);
    try {
      return await backend.reply(message, controller.signal);
    } finally {
      if (inFlight.get(message.id) === controller) inFlight.delete(message.id);
    }
  }

  function cancel(id: string): void {
    inFlight.get(id)?.abort();
  }

  function subscribe(events: readonly string[]): void {
    for (const event of events) {
      if (subscriptions.has(event)) continue;
      subscriptions.set(event, backend.events.subscribe([event], (name, payload) => sendEvent({ type: 'event', event: name, payload })));
    }
  }

  function unsubscribe(events: readonly string[]): void {
    for (const event of events) {
      subscriptions.get(event)?.();
      subscriptions.delete(event);
    }
  }

  return {
    call,
    cancel,
    subscribe,
    unsubscribe,
    /** Handles a message from a message channel; calls answer through `reply`. */
    handle(message: ClientMessage, reply: (r: ReplyMessage) => void): void {
      switch (message.type) {
        case 'call':
          void call(message).then(reply);
          return;
        case 'cancel':
          cancel(message.id);
          return;
        case 'subscribe':
          subscribe(message.events);
          return;
        case 'unsubscribe':
          unsubscribe(message.events);
      }
    },
    /** The client went away: stop its calls and its events. */
    close(): void {
      for (const controller of inFlight.values()) controller.abort();
      inFlight.clear();
      unsubscribe([...subscriptions.keys()]);
    },
  };
}

export type HostConnection = ReturnType<typeof createHostConnection>;
