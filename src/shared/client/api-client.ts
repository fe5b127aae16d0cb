import { ApiError } from '../api/errors';
import { events, methods, type EventName, type EventPayload, type Input, type MethodName, type Output } from '../api/contract';
import type { EventMessage } from '../protocol/envelope';
import type { Transport } from '../protocol/transport';

export interface CallOptions {
  /** Aborting rejects the call with a CANCELLED ApiError and tells the host to stop it. */
  signal?: AbortSignal;
}

export interface ApiClient {
  call<M extends MethodName>(method: M, args: Input<M>, options?: CallOptions): Promise<Output<M>>;
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
}

let nextCall = 0;
const callPrefix = Math.random().toString(36).slice(2, 8);

function cancelledError(): ApiError {
  return new ApiError('CANCELLED', 'The call was cancelled');
}

/** A typed client over any transport. Results and event payloads are checked against the contract. */
export function createApiClient(transport: Transport): ApiClient {
  return {
    async call(method, args, options = {}) {
      const { signal } = options;
      if (signal?.aborted) throw cancelledError();
      const id = `${callPrefix}-${++nextCall}`;
      const reply = transport.call({ type: 'call', id, method, args });
      let onAbort = (): void => undefined;
      const aborted = new Promise<never>((_, reject) => {
        onAbort = () => {
          transport.cancel(id);
          reject(cancelledError());
        };
        signal?.addEventListener('abort', onAbort, { once: true });
      });
      try {
        const message = await (signal ? Promise.race([reply, aborted]) : reply);
        if (message.type === 'error') throw ApiError.fromJSON(message.error);
        const parsed = methods[method].output.safeParse(message.result);
        if (!parsed.success) throw new ApiError('INTERNAL', `The reply to ${method} does not match the contract`);
        return parsed.data as Output<typeof method>;
      } finally {
        signal?.removeEventListener('abort', onAbort);
        // A cancelled call's reply may still arrive; nobody waits for it.
        reply.catch(() => undefined);
      }
    },

    on(event, listener) {
      return transport.subscribe([event], (message: EventMessage) => {
        if (message.event !== event) return;
        const parsed = events[event].safeParse(message.payload);
        if (parsed.success) listener(parsed.data as EventPayload<typeof event>);
      });
    },
  };
}
