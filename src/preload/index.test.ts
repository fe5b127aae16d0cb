import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { ipcChannels, type Transport } from '../shared/protocol/transport';

/** What the preload sees of Electron: a main world to expose into, and an ipcRenderer. */
const exposed = new Map<string, unknown>();
const ipc = new EventEmitter();
const fakeElectron = {
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => void exposed.set(key, api) },
  ipcRenderer: {
    invoke: vi.fn(async (_channel: string, message: { id: string }) => ({ type: 'result', id: message.id, result: 42 })),
    send: vi.fn(),
    on: vi.fn((channel: string, listener: (...args: unknown[]) => void) => ipc.on(channel, listener)),
  },
};
// The factory runs when the preload is imported below, after fakeElectron exists.
vi.mock('electron', () => fakeElectron);

await import('./index');
const bridge = exposed.get('mer') as Transport;
const sent = () => fakeElectron.ipcRenderer.send.mock.calls.splice(0);
const deliver = (event: string, payload: unknown) => ipc.emit(ipcChannels.event, {}, { type: 'event', event, payload });

describe('the preload bridge', () => {
  it('exposes exactly call, cancel and subscribe as window.mer, and nothing else', () => {
    expect([...exposed.keys()]).toEqual(['mer']);
    expect(Object.keys(bridge)).toEqual(['call', 'cancel', 'subscribe']);
  });

  it('listens to the event channel once, however many subscriptions come and go', () => {
    const unsubscribers = [bridge.subscribe(['a'], () => undefined), bridge.subscribe(['a', 'b'], () => undefined)];
    for (const unsubscribe of unsubscribers) unsubscribe();
    sent();
    expect(fakeElectron.ipcRenderer.on).toHaveBeenCalledTimes(1);
    expect(ipc.listenerCount(ipcChannels.event)).toBe(1);
  });

  it('calls through invoke on the call channel', async () => {
    await expect(bridge.call({ type: 'call', id: 'c1', method: 'app.info', args: {} })).resolves.toEqual({ type: 'result', id: 'c1', result: 42 });
    expect(fakeElectron.ipcRenderer.invoke).toHaveBeenCalledWith(ipcChannels.call, { type: 'call', id: 'c1', method: 'app.info', args: {} });
  });

  it('cancels with a cancel message', () => {
    bridge.cancel('c1');
    expect(sent()).toEqual([[ipcChannels.cancel, { type: 'cancel', id: 'c1' }]]);
    expect(() => bridge.cancel(7 as unknown as string)).toThrow(TypeError);
  });

  it('subscribes each event name once, delivers to every listener, and unsubscribes with the last one', () => {
    const first: unknown[] = [];
    const second: unknown[] = [];
    const stopFirst = bridge.subscribe(['job.updated', 'job.updated'], (m) => first.push(m.payload));
    expect(sent()).toEqual([[ipcChannels.subscribe, { type: 'subscribe', events: ['job.updated'] }]]);
    const stopSecond = bridge.subscribe(['job.updated', 'project.changed'], (m) => second.push(m.payload));
    expect(sent()).toEqual([[ipcChannels.subscribe, { type: 'subscribe', events: ['project.changed'] }]]);

    deliver('job.updated', 1);
    deliver('project.changed', 2);
    deliver('unrelated', 3);
    expect(first).toEqual([1]);
    expect(second).toEqual([1, 2]);

    stopFirst();
    stopFirst();
    expect(sent()).toEqual([]);
    deliver('job.updated', 4);
    expect(first).toEqual([1]);

    stopSecond();
    expect(sent()).toEqual([[ipcChannels.unsubscribe, { type: 'unsubscribe', events: ['job.updated', 'project.changed'] }]]);
    deliver('job.updated', 5);
    expect(second).toEqual([1, 2, 4]);
  });

  it('keeps delivering when one listener throws', () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const got: unknown[] = [];
    const stops = [
      bridge.subscribe(['x'], () => {
        throw new Error('boom');
      }),
      bridge.subscribe(['x'], (m) => got.push(m.payload)),
    ];
    deliver('x', 1);
    expect(got).toEqual([1]);
    expect(error).toHaveBeenCalledOnce();
    for (const stop of stops) stop();
    sent();
    error.mockRestore();
  });

  it('ignores malformed event messages and refuses bad arguments', () => {
    const got: unknown[] = [];
    const stop = bridge.subscribe(['x'], (m) => got.push(m));
    ipc.emit(ipcChannels.event, {}, null);
    ipc.emit(ipcChannels.event, {}, { event: 5 });
    expect(got).toEqual([]);
    stop();
    sent();
    expect(() => bridge.subscribe('x' as unknown as string[], () => undefined)).toThrow(TypeError);
    expect(() => bridge.subscribe(['x'], 'f' as unknown as () => void)).toThrow(TypeError);
    expect(sent()).toEqual([]);
  });

  it('splits very long subscriptions into messages the envelope accepts', () => {
    const names = Array.from({ length: 150 }, (_, i) => `e${i}`);
    const stop = bridge.subscribe(names, () => undefined);
    expect(sent().map(([, m]) => (m as { events: string[] }).events.length)).toEqual([100, 50]);
    stop();
    expect(sent().map(([, m]) => (m as { events: string[] }).events.length)).toEqual([100, 50]);
  });
});
