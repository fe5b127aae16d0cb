import { fork } from 'node:child_process';
import { pipeLines } from './log-lines';
import type { JobHost, WorkerHandle } from './protocol';

export interface ForkHostOptions {
  /** The worker entry: the built `worker.js`, or the TypeScript source with a loader in execArgv. */
  entry: string;
  execArgv?: string[];
  env?: NodeJS.ProcessEnv;
}

/** The server's job host: each job runs in a fresh `child_process.fork` with its output in our log. */
export function createForkJobHost(options: ForkHostOptions): JobHost {
  return {
    startWorker(name): WorkerHandle {
      const child = fork(options.entry, [], {
        execArgv: options.execArgv ?? [],
        env: { ...process.env, ...options.env },
        stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
        serialization: 'json',
      });
      pipeLines(child.stdout, `[${name}]`, (l) => console.log(l));
      pipeLines(child.stderr, `[${name}]`, (l) => console.error(l));
      // A message to a process that has just died must not crash the supervisor; its exit is
      // handled on 'close', so a closed channel is not worth a log line.
      child.on('error', (error: NodeJS.ErrnoException) => {
        if (error.code !== 'EPIPE' && error.code !== 'ERR_IPC_CHANNEL_CLOSED') console.error(`[${name}] process error`, error);
      });
      return {
        get pid() {
          return child.pid;
        },
        send(message) {
          if (child.connected) child.send(message);
        },
        onMessage(listener) {
          child.on('message', listener);
        },
        onExit(listener) {
          // 'close' comes after the IPC channel has delivered every message; 'exit' may not.
          child.once('close', (code, signal) => listener({ code, signal }));
        },
        kill() {
          child.kill('SIGKILL');
        },
      };
    },
  };
}
