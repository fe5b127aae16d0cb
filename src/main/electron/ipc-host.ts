import { ipcMain, type IpcMainEvent, type IpcMainInvokeEvent, type WebContents } from 'electron';
import type { Backend } from '../core/backend';
import { createHostConnection, type HostConnection } from '../core/host/connection';
import { CallMessage, CancelMessage, SubscribeMessage, UnsubscribeMessage, type ReplyMessage } from '../../shared/protocol/envelope';
import { ipcChannels } from '../../shared/protocol/transport';

export interface IpcHostOptions {
  backend: Pick<Backend, 'reply' | 'events'>;
  /** Whether a message from this sender may reach the backend (our window, top frame, our page). */
  isTrusted: (event: IpcMainEvent | IpcMainInvokeEvent) => boolean;
}

/**
 * The IPC host: the only place `ipcMain` is used. Every message is checked twice, for its sender
 * and for its shape, then handed to the window's host connection, the same per-client logic the
 * HTTP/WebSocket host uses. One connection per webContents, closed when it is destroyed.
 */
export function installIpcHost(options: IpcHostOptions): () => void {
  const connections = new Map<WebContents, HostConnection>();

  function connectionOf(contents: WebContents): HostConnection {
    let connection = connections.get(contents);
    if (connection) return connection;
    connection = createHostConnection(options.backend, (message) => {
      if (!contents.isDestroyed()) contents.send(ipcChannels.event, message);
    });
    connections.set(contents, connection);
    contents.once('destroyed', () => {
      connections.get(contents)?.close();
      connections.delete(contents);
    });
    return connection;
  }

  function refuse(channel: string, event: IpcMainEvent | IpcMainInvokeEvent, why: string): void {
    console.warn(`[ipc] ${channel} refused from ${event.senderFrame?.url ?? 'a destroyed frame'}: ${why}`);
  }

  ipcMain.handle(ipcChannels.call, async (event, raw: unknown): Promise<ReplyMessage> => {
    if (!options.isTrusted(event)) {
      refuse(ipcChannels.call, event, 'untrusted sender');
      throw new Error('Refused: untrusted sender');
    }
    const parsed = CallMessage.safeParse(raw);
    if (!parsed.success) {
      refuse(ipcChannels.call, event, 'malformed call message');
      throw new Error('Refused: malformed call message');
    }
    return connectionOf(event.sender).call(parsed.data);
  });

  /** A fire-and-forget channel: dropped (and logged) unless sender and shape are right. */
  function listen<T>(channel: string, schema: { safeParse(raw: unknown): { success: true; data: T } | { success: false } }, handle: (connection: HostConnection, message: T) => void): void {
    ipcMain.on(channel, (event, raw: unknown) => {
      if (!options.isTrusted(event)) return refuse(channel, event, 'untrusted sender');
      const parsed = schema.safeParse(raw);
      if (!parsed.success) return refuse(channel, event, 'malformed message');
      handle(connectionOf(event.sender), parsed.data);
    });
  }

  listen(ipcChannels.cancel, CancelMessage, (connection, message) => connection.cancel(message.id));
  listen(ipcChannels.subscribe, SubscribeMessage, (connection, message) => connection.subscribe(message.events));
  listen(ipcChannels.unsubscribe, UnsubscribeMessage, (connection, message) => connection.unsubscribe(message.events));

  return () => {
    ipcMain.removeHandler(ipcChannels.call);
    ipcMain.removeAllListeners(ipcChannels.cancel);
    ipcMain.removeAllListeners(ipcChannels.subscribe);
    ipcMain.removeAllListeners(ipcChannels.unsubscribe);
    for (const connection of connections.values()) connection.close();
    connections.clear();
  };
}
