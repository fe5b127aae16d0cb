import { EventEmitter } from 'node:events';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { EventMessage, ReplyMessage } from '../../shared/protocol/envelope';
import { ipcChannels } from '../../shared/protocol/transport';
import { createEventBus } from '../core/events';

type Invoke = (event: unknown, ...args: unknown[]) => Promise<unknown>;

/** A stand-in for ipcMain: handlers and listeners we can drive directly. */
const fakeIpcMain = (() => {
  const handlers = new Map<string, Invoke>();
  const emitter = new EventEmitter();
  return {
    handlers,
    emitter,
    handle: (channel: string, handler: Invoke) => void handlers.set(channel, handler),
    removeHandler: (channel: string) => void handlers.delete(channel),
    on: (channel: string, listener: (...args: unknown[]) => void) => emitter.on(channel, listener),
    removeAllListeners: (channel: string) => emitter.removeAllListeners(channel),
  };
})();
// The factory runs when ipc-host is imported below, after fakeIpcMain exists.
vi.mock('electron', () => ({ ipcMain: fakeIpcMain }));

const { installIpcHost } = await import('./ipc-host');

class FakeWebContents extends EventEmitter {
  sent: [string, unknown][] = [];
  destroyed = false;
  isDestroyed(): boolean {
    return this.destroyed;
  }
  send(channel: string, message: unknown): void {
    this.sent.push([channel, message]);
  }
}

function setup(trusted = true) {
  const events = createEventBus();
  const reply = vi.fn(async (message: { id: string; method: string }, signal?: AbortSignal): Promise<ReplyMessage> => {
    if (message.method === 'slow') {
      await new Promise((resolve) => signal?.addEventListener('abort', resolve, { once: true }));
      return { type: 'error', id: message.id, error: { code: 'CANCELLED', message: 'cancelled' } };
    }
    return { type: 'result', id: message.id, result: { echoed: message.method } };
  });
  const uninstall = installIpcHost({ backend: { reply, events }, isTrusted: () => trusted });
  const contents = new FakeWebContents();
  const event = { sender: contents, senderFrame: { url: 'file:///app/index.html' } };
  const invoke = (raw: unknown) => fakeIpcMain.handlers.get(ipcChannels.call)!(event, raw);
  const send = (channel: string, raw: unknown) => fakeIpcMain.emitter.emit(channel, event, raw);
  return { events, reply, uninstall, contents, invoke, send };
}

let current: ReturnType<typeof setup> | undefined;
afterEach(() => {
  current?.uninstall();
  current = undefined;
  vi.restoreAllMocks();
});

describe('installIpcHost', () => {
  it('routes a valid call from a trusted sender to the backend', async () => {
    current = setup();
    await expect(current.invoke({ type: 'call', id: 'c1', method: 'app.info', args: {} })).resolves.toEqual({
      type: 'result',
      id: 'c1',
      result: { echoed: 'app.info' },
    });
  });

  it('refuses calls from an untrusted sender without touching the backend', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    current = setup(false);
    await expect(current.invoke({ type: 'call', id: 'c1', method: 'app.info', args: {} })).rejects.toThrow(/untrusted/);
    current.send(ipcChannels.subscribe, { type: 'subscribe', events: ['job.updated'] });
    current.events.emit('job.updated', {} as never);
    expect(current.reply).not.toHaveBeenCalled();
    expect(current.contents.sent).toEqual([]);
  });

  it('refuses malformed messages', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    current = setup();
    for (const raw of [null, 'app.info', { type: 'call', id: '', method: 'x' }, { type: 'call', method: 'x' }, { type: 'cancel', id: 'c1' }]) {
      await expect(current.invoke(raw)).rejects.toThrow(/malformed/);
    }
    current.send(ipcChannels.subscribe, { type: 'subscribe', events: 'job.updated' });
    current.events.emit('job.updated', {} as never);
    expect(current.contents.sent).toEqual([]);
    expect(current.reply).not.toHaveBeenCalled();
  });

  it('cancels a call in flight', async () => {
    current = setup();
    const pending = current.invoke({ type: 'call', id: 'slow-1', method: 'slow', args: {} });
    current.send(ipcChannels.cancel, { type: 'cancel', id: 'slow-1' });
    await expect(pending).resolves.toMatchObject({ type: 'error', error: { code: 'CANCELLED' } });
  });

  it('forwards subscribed events to the window until it unsubscribes', () => {
    current = setup();
    current.send(ipcChannels.subscribe, { type: 'subscribe', events: ['job.updated'] });
    current.events.emit('job.updated', { id: 1 } as never);
    current.events.emit('project.changed' as never, {} as never);
    current.send(ipcChannels.unsubscribe, { type: 'unsubscribe', events: ['job.updated'] });
    current.events.emit('job.updated', { id: 2 } as never);
    const expected: EventMessage = { type: 'event', event: 'job.updated', payload: { id: 1 } };
    expect(current.contents.sent).toEqual([[ipcChannels.event, expected]]);
  });

  it('closes the connection when the window goes away: events stop, calls are aborted', async () => {
    current = setup();
    current.send(ipcChannels.subscribe, { type: 'subscribe', events: ['job.updated'] });
    const pending = current.invoke({ type: 'call', id: 'slow-2', method: 'slow', args: {} });
    current.contents.destroyed = true;
    current.contents.emit('destroyed');
    current.events.emit('job.updated', { id: 3 } as never);
    expect(current.contents.sent).toEqual([]);
    await expect(pending).resolves.toMatchObject({ error: { code: 'CANCELLED' } });
  });

  it('uninstalls every channel', () => {
    current = setup();
    current.uninstall();
    expect(fakeIpcMain.handlers.size).toBe(0);
    for (const channel of [ipcChannels.cancel, ipcChannels.subscribe, ipcChannels.unsubscribe]) expect(fakeIpcMain.emitter.listenerCount(channel)).toBe(0);
    current = undefined;
  });
});
