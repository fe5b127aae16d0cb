import { ApiError } from '../../shared/api/errors';
import { isMethodName, methods, type MethodName, type Output, type ParsedInput } from '../../shared/api/contract';
import type { CallMessage, ReplyMessage } from '../../shared/protocol/envelope';
import { toApiError, validationError } from './errors';

export interface CallContext {
  /** Aborted when the caller cancels or goes away. */
  signal: AbortSignal;
}

export type Handler<M extends MethodName> = (input: ParsedInput<M>, ctx: CallContext) => Output<M> | Promise<Output<M>>;
export type Handlers = { [M in MethodName]: Handler<M> };

export interface Dispatcher {
  /** Validates, routes and checks the output of one call. Throws ApiError. */
  dispatch(method: string, args: unknown, signal?: AbortSignal): Promise<unknown>;
  /** The same, as a wire reply that never throws. */
  reply(message: CallMessage, signal?: AbortSignal): Promise<ReplyMessage>;
  /** Calls that have started and not yet answered. */
  inFlight(): number;
}

export function createDispatcher(handlers: Handlers): Dispatcher {
  let running = 0;

  async function dispatch(method: string, args: unknown, signal = new AbortController().signal): Promise<unknown> {
    if (!isMethodName(method)) throw new ApiError('UNKNOWN_METHOD', `Unknown method "${method.slice(0, 100)}"`);
    const spec = methods[method];
    const input = spec.input.safeParse(args === undefined ? {} : args);
    if (!input.success) throw validationError(method, input.error);
    if (signal.aborted) throw new ApiError('CANCELLED', 'The call was cancelled');
    running++;
    try {
      const handler = handlers[method] as (input: unknown, ctx: CallContext) => unknown;
      const result = await handler(input.data, { signal });
      const output = spec.output.safeParse(result);
      if (!output.success) {
        console.error(`[dispatch] ${method} returned data outside the contract`, output.error.issues);
        throw new ApiError('INTERNAL', `${method} produced a result that does not match the contract`);
      }
      return output.data;
    } finally {
      running--;
    }
  }

  return {
    dispatch,
    async reply(message, signal) {
      try {
        return { type: 'result', id: message.id, result: await dispatch(message.method, message.args, signal) };
      } catch (error) {
        return { type: 'error', id: message.id, error: toApiError(error).toJSON() };
      }
    },
    inFlight: () => running,
  };
}
