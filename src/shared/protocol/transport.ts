import type { CallMessage, EventMessage, ReplyMessage } from './envelope';

/**
 * A carrier of the envelope. The Electron preload bridge is exactly this shape, so the
 * renderer sees the same three operations whatever it runs in.
 */
export interface Transport {
  /** Sends a call; resolves with its reply. Rejects only when the carrier itself fails. */
  call(message: CallMessage): Promise<ReplyMessage>;
  /** Asks the host to stop the call with this id. */
  cancel(id: string): void;
  /** Receives the named events until the returned function is called. */
  subscribe(events: readonly string[], listener: (message: EventMessage) => void): () => void;
}

/** IPC channel names shared by the preload and the Electron host. */
export const ipcChannels = {
  call: 'mer:call',
  cancel: 'mer:cancel',
  subscribe: 'mer:subscribe',
  unsubscribe: 'mer:unsubscribe',
  event: 'mer:event',
} as const;
