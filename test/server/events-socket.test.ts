import WebSocket from 'ws';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createTestBackend } from '../helpers/backend';
import { serve, testToken } from '../helpers/transports';
import type { RunningServer } from '../../src/main/server/http-server';

let backend: ReturnType<typeof createTestBackend>;
let server: RunningServer;

beforeAll(async () => {
  backend = createTestBackend({ faults: { MER_FAULT_PROGRESS_DELAY_MS: '200' } });
  server = await serve(backend);
});
afterAll(async () => {
  await server.close();
  await backend.dispose();
});

function open(): Promise<{ ws: WebSocket; next: (pred: (m: Record<string, unknown>) => boolean) => Promise<Record<string, unknown>> }> {
  const ws = new WebSocket(`ws://127.0.0.1:${server.port}/events?token=${testToken}`);
  const messages: Record<string, unknown>[] = [];
  const waiters: { pred: (m: Record<string, unknown>) => boolean; resolve: (m: Record<string, unknown>) => void }[] = [];
  ws.on('message', (data) => {
    const m = JSON.parse(String(data)) as Record<string, unknown>;
    messages.push(m);
    for (const w of waiters.filter((w) => w.pred(m))) {
      waiters.splice(waiters.indexOf(w), 1);
      w.resolve(m);
    }
  });
  const next = (pred: (m: Record<string, unknown>) => boolean) =>
    new Promise<Record<string, unknown>>((resolve) => {
      const seen = messages.find(pred);
      if (seen) resolve(seen);
      else waiters.push({ pred, resolve });
    });
  return new Promise((resolve) => ws.on('open', () => resolve({ ws, next })));
}

test('the socket carries calls, cancels and subscriptions in the same envelope, and ignores garbage', async () => {
  const { ws, next } = await open();
  ws.send('not json');
  ws.send(JSON.stringify({ type: 'launch-missiles' }));
  ws.send(JSON.stringify({ type: 'call', id: 'c1', method: 'projects.create', args: { name: 'Over WS' } }));
  expect(await next((m) => m['id'] === 'c1')).toMatchObject({ type: 'result', result: { name: 'Over WS' } });

  ws.send(JSON.stringify({ type: 'call', id: 'c2', method: 'projects.create', args: {} }));
  expect(await next((m) => m['id'] === 'c2')).toMatchObject({ type: 'error', error: { code: 'VALIDATION', issues: [{ path: 'name' }] } });

  ws.send(JSON.stringify({ type: 'subscribe', events: ['job.updated'] }));
  ws.send(JSON.stringify({ type: 'call', id: 'c3', method: 'jobs.start', args: { kind: 'db.integrity' } }));
  const started = await next((m) => m['id'] === 'c3');
  const jobId = (started['result'] as { id: number }).id;
  ws.send(JSON.stringify({ type: 'call', id: 'c4', method: 'jobs.wait', args: { id: jobId, timeoutMs: 60000 } }));
  await expect.poll(() => backend.inFlight()).toBe(1);
  ws.send(JSON.stringify({ type: 'cancel', id: 'c4' }));
  expect(await next((m) => m['id'] === 'c4')).toMatchObject({ type: 'error', error: { code: 'CANCELLED' } });
  const finished = await next((m) => m['type'] === 'event' && (m['payload'] as { status: string }).status === 'succeeded');
  expect(finished).toMatchObject({ event: 'job.updated', payload: { id: jobId } });
  ws.close();
});

test('closing the socket cancels its calls in flight', async () => {
  const { ws } = await open();
  const job = (await backend.dispatch('jobs.start', { kind: 'db.integrity' })) as { id: number };
  ws.send(JSON.stringify({ type: 'call', id: 'w', method: 'jobs.wait', args: { id: job.id, timeoutMs: 60000 } }));
  await expect.poll(() => backend.inFlight()).toBe(1);
  ws.close();
  await expect.poll(() => backend.inFlight()).toBe(0);
});
