import { ReplyMessage, type CallMessage, type EventMessage } from '../protocol/envelope';
import type { Transport } from '../protocol/transport';
import { ApiError } from '../api/errors';
import { EventMessage as EventMessageSchema } from '../protocol/envelope';

/** A handler type checked bivariantly, as DOM handlers are declared with narrower event types. */
type Handler<E> = { bivarianceHack(ev: E): void }['bivarianceHack'];

/** The part of the WebSocket API we use; the browser's and the `ws` package's both fit. */
export interface WebSocketLike {
  readonly readyState: number;
  send(data: string): void;
  close(): void;
  onopen: Handler<unknown> | null;
  onclose: Handler<unknown> | null;
  onmessage: Handler<{ data: unknown }> | null;
  onerror: Handler<unknown> | null;
}

export interface HttpTransportOptions {
  /** e.g. `http://127.0.0.1:4780` */
  baseUrl: string;
  /** Omitted in the browser, where the server's cookie carries it. */
  token?: string;
  createWebSocket: (url: string) => WebSocketLike;
  fetch?: typeof fetch;
  /** Delay before reconnecting the events socket after it drops. */
  reconnectMs?: number;
}

export interface HttpTransport extends Transport {
  close(): void;
  /** Resolves once the events socket is open and has sent the current subscriptions. */
  ready(): Promise<void>;
}

/**
 * Calls go as `POST /api/:method` (cancelled by aborting the request, which the server sees as
 * a closed connection); events arrive over one WebSocket on `/events`.
 */
export function createHttpTransport(options: HttpTransportOptions): HttpTransport {
  const doFetch = options.fetch ?? fetch;
  const inFlight = new Map<string, AbortController>();
  const listeners = new Map<string, Set<(m: EventMessage) => void>>();
  let socket: WebSocketLike | null = null;
  let closed = false;
  let opened: Promise<void> = Promise.resolve();

  const authHeaders: Record<string, string> = options.token ? { authorization: `Bearer ${options.token}` } : {};

  function connect(): void {
    const wsUrl = new URL('/events', options.baseUrl);
    wsUrl.protocol = wsUrl.protocol === 'https:' ? 'wss:' : 'ws:';
    if (options.token) wsUrl.searchParams.set('token', options.token);
    const ws = options.createWebSocket(wsUrl.toString());
    socket = ws;
    opened = new Promise((resolve) => {
      ws.onopen = () => {
        if (listeners.size > 0) ws.send(JSON.stringify({ type: 'subscribe', events: [...listeners.keys()] }));
        resolve();
      };
      ws.onclose = () => {
        resolve();
        if (!closed) setTimeout(connect, options.reconnectMs ?? 1000);
      };
    });
    ws.onerror = () => undefined;
    ws.onmessage = (ev) => {
      let parsed: unknown;
      try {
        parsed = JSON.parse(String(ev.data));
      } catch {
        return;
      }
      const message = EventMessageSchema.safeParse(parsed);
      if (!message.success) return;
      for (const listener of listeners.get(message.data.event) ?? []) listener(message.data);
    };
  }

  function sendIfOpen(message: object): void {
    if (socket && socket.readyState === 1) socket.send(JSON.stringify(message));
  }

  connect();

  return {
    async call(message: CallMessage) {
      const controller = new AbortController();
      inFlight.set(message.id, controller);
      try {
        const response = await doFetch(new URL(`/api/${encodeURIComponent(message.method)}`, options.baseUrl), {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-call-id': message.id, ...authHeaders },
          body: JSON.stringify(message.args ?? {}),
          signal: controller.signal,
          credentials: 'same-origin',
        });
        const body: unknown = await response.json().catch(() => null);
        const reply = ReplyMessage.safeParse(body);
        if (reply.success) return reply.data;
        throw new ApiError('INTERNAL', `The server answered ${response.status} without a valid reply`);
      } finally {
        inFlight.delete(message.id);
      }
    },

    cancel(id) {
      inFlight.get(id)?.abort();
    },

    subscribe(events, listener) {
      const added: string[] = [];
      for (const event of events) {
        let set = listeners.get(event);
        if (!set) {
          set = new Set();
          listeners.set(event, set);
          added.push(event);
        }
        set.add(listener);
      }
      if (added.length > 0) sendIfOpen({ type: 'subscribe', events: added });
      return () => {
        const removed: string[] = [];
        for (const event of events) {
          const set = listeners.get(event);
          if (!set) continue;
          set.delete(listener);
          if (set.size === 0) {
            listeners.delete(event);
            removed.push(event);
          }
        }
        if (removed.length > 0) sendIfOpen({ type: 'unsubscribe', events: removed });
      };
    },

    ready: () => opened,

    close() {
      closed = true;
      for (const controller of inFlight.values()) controller.abort();
      socket?.close();
    },
  };
}
