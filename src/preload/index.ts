/**
 * The sandboxed preload: a tiny, allowlisted pipe. The page gets `window.mer` with exactly
 * `call`, `cancel` and `subscribe` (the `Transport` shape); `ipcRenderer` itself never leaves
 * this file. Bundled whole as CommonJS, it may require nothing but `electron`.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { ipcChannels, type Transport } from '../shared/protocol/transport';

type EventListener = Parameters<Transport['subscribe']>[1];
type EventMessage = Parameters<EventListener>[0];

/** The subscribe message of the envelope carries at most this many event names. */
const maxEventsPerMessage = 100;

/** Every live subscription, by event name; each entry is one `subscribe` call's listener. */
const subscriptions = new Map<string, Set<{ listener: EventListener }>>();

function sendInChunks(channel: string, type: 'subscribe' | 'unsubscribe', events: string[]): void {
  for (let i = 0; i < events.length; i += maxEventsPerMessage) {
    ipcRenderer.send(channel, { type, events: events.slice(i, i + maxEventsPerMessage) });
  }
}

// One listener for the life of the page, whatever the page subscribes to.
ipcRenderer.on(ipcChannels.event, (_event, message: EventMessage) => {
  if (typeof message !== 'object' || message === null || typeof message.event !== 'string') return;
  for (const entry of [...(subscriptions.get(message.event) ?? [])]) {
    try {
      entry.listener(message);
    } catch (error) {
      console.error(`[mer] a listener of ${message.event} threw`, error);
    }
  }
});

const bridge: Transport = {
  call(message) {
    return ipcRenderer.invoke(ipcChannels.call, message);
  },

  cancel(id) {
    if (typeof id !== 'string') throw new TypeError('cancel(id): id must be a string');
    ipcRenderer.send(ipcChannels.cancel, { type: 'cancel', id });
  },

  subscribe(events, listener) {
    if (!Array.isArray(events) || !events.every((e) => typeof e === 'string')) throw new TypeError('subscribe(events, listener): events must be strings');
    if (typeof listener !== 'function') throw new TypeError('subscribe(events, listener): listener must be a function');
    const names = [...new Set(events)];
    const entry = { listener };
    const added: string[] = [];
    for (const name of names) {
      let entries = subscriptions.get(name);
      if (!entries) {
        entries = new Set();
        subscriptions.set(name, entries);
        added.push(name);
      }
      entries.add(entry);
    }
    sendInChunks(ipcChannels.subscribe, 'subscribe', added);

    let active = true;
    return () => {
      if (!active) return;
      active = false;
      const emptied = names.filter((name) => {
        const entries = subscriptions.get(name);
        entries?.delete(entry);
        if (entries?.size !== 0) return false;
        subscriptions.delete(name);
        return true;
      });
      sendInChunks(ipcChannels.unsubscribe, 'unsubscribe', emptied);
    };
  },
};

contextBridge.exposeInMainWorld('mer', bridge);
