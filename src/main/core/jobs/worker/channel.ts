/** The parent link of a worker: Node's IPC under `child_process.fork`, Electron's parentPort under `utilityProcess`. */
export interface ParentChannel {
  send(message: unknown): Promise<void>;
  onMessage(listener: (message: unknown) => void): void;
  /** Called if the parent goes away without a word (e.g. it was killed). */
  onParentGone(listener: () => void): void;
}

interface ElectronParentPort {
  on(event: 'message', listener: (e: { data: unknown }) => void): void;
  postMessage(message: unknown): void;
}

export function connectToParent(): ParentChannel {
  const port = (process as unknown as { parentPort?: ElectronParentPort }).parentPort;
  if (port) {
    return {
      send: (message) => {
        port.postMessage(message);
        return Promise.resolve();
      },
      onMessage: (listener) => port.on('message', (e) => listener(e.data)),
      // Electron ends utility processes together with their parent.
      onParentGone: () => undefined,
    };
  }
  if (!process.send) throw new Error('The job worker must be started by the job supervisor');
  return {
    // The callback fires once the message is handed to the channel, so exiting after it is safe.
    send: (message) => new Promise((resolve) => process.send?.(message, undefined, undefined, () => resolve())),
    onMessage: (listener) => process.on('message', listener),
    onParentGone: (listener) => process.on('disconnect', listener),
  };
}
