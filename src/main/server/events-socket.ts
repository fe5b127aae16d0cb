import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { ClientMessage } from '../../shared/protocol/envelope';
import type { Backend } from '../core/backend';
import { createHostConnection } from '../core/host/connection';

const heartbeatMs = 30_000;

/** The `/events` WebSocket: subscribe/unsubscribe and event delivery, and calls for clients that prefer one socket. */
export function createEventsSocket(backend: Backend) {
  const wss = new WebSocketServer({ noServer: true, maxPayload: 256 * 1024 });
  const alive = new WeakSet<WebSocket>();

  wss.on('connection', (ws) => {
    alive.add(ws);
    ws.on('pong', () => alive.add(ws));
    const send = (message: object): void => {
      if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(message));
    };
    const connection = createHostConnection(backend, send);
    ws.on('message', (data) => {
      let raw: unknown;
      try {
        raw = JSON.parse(String(data));
      } catch {
        return;
      }
      const parsed = ClientMessage.safeParse(raw);
      if (parsed.success) connection.handle(parsed.data, send);
    });
    ws.on('close', () => connection.close());
    ws.on('error', () => ws.terminate());
  });

  const heartbeat = setInterval(() => {
    for (const ws of wss.clients) {
      if (!alive.has(ws)) {
        ws.terminate();
        continue;
      }
      alive.delete(ws);
      ws.ping();
    }
  }, heartbeatMs);
  heartbeat.unref();

  return {
    upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
      wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
    },
    close(): void {
      clearInterval(heartbeat);
      for (const ws of wss.clients) ws.close(1001, 'Server shutting down');
      wss.close();
    },
  };
}
