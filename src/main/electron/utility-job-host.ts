import { utilityProcess, type UtilityProcess } from 'electron';
import type { JobHost, ToWorker, WorkerExit, WorkerHandle } from '../core/jobs/protocol';
import { pipeLines } from '../core/jobs/log-lines';

export interface UtilityJobHostOptions {
  /** The built worker entry, `out/main/worker.js`. */
  entry: string;
  env?: NodeJS.ProcessEnv;
}

/**
 * The Electron job host: each job runs in its own `utilityProcess` (a Node process that Chromium
 * supervises), with its output in our log. The worker talks back through `process.parentPort`.
 */
export function createUtilityJobHost(options: UtilityJobHostOptions): JobHost {
  return {
    startWorker(name): WorkerHandle {
      const child: UtilityProcess = utilityProcess.fork(options.entry, [], {
        stdio: 'pipe',
        serviceName: `MER ${name}`,
        env: { ...process.env, ...options.env },
      });
      pipeLines(child.stdout, `[${name}]`, (line) => console.log(line));
      pipeLines(child.stderr, `[${name}]`, (line) => console.error(line));

      // Messages wait for the spawn, and stop once the process is gone.
      let state: 'starting' | 'running' | 'exited' = 'starting';
      const queued: ToWorker[] = [];
      let killed = false;
      child.once('spawn', () => {
        if (state !== 'starting') return;
        state = 'running';
        for (const message of queued.splice(0)) child.postMessage(message);
      });
      child.on('error', (type, location) => console.error(`[${name}] ${type} at ${location}`));

      let exit: WorkerExit | null = null;
      const exitListeners: ((exit: WorkerExit) => void)[] = [];
      child.once('exit', (code) => {
        state = 'exited';
        queued.length = 0;
        // The worker posts its outcome and exits at once; let that last message be handled first.
        setImmediate(() => {
          exit = { code, signal: killed ? 'SIGKILL' : null };
          for (const listener of exitListeners.splice(0)) listener(exit);
        });
      });

      return {
        get pid() {
          return child.pid;
        },
        send(message) {
          if (state === 'running') child.postMessage(message);
          else if (state === 'starting') queued.push(message);
        },
        onMessage(listener) {
          child.on('message', (message: unknown) => listener(message));
        },
        onExit(listener) {
          if (exit) setImmediate(listener, exit);
          else exitListeners.push(listener);
        },
        kill() {
          if (state === 'exited') return;
          killed = true;
          const pid = child.pid;
          // utilityProcess.kill() sends SIGTERM; a stuck job needs SIGKILL where there are signals.
          if (pid !== undefined && process.platform !== 'win32') {
            try {
              process.kill(pid, 'SIGKILL');
              return;
            } catch {
              // Already gone, or not ours to signal: fall back to Electron's kill.
            }
          }
          child.kill();
        },
      };
    },
  };
}
