import { EventEmitter } from 'node:events';
import { PassThrough } from 'node:stream';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ToWorker } from '../core/jobs/protocol';

/** A stand-in for Electron's UtilityProcess: an emitter with pid, stdout/stderr and postMessage. */
class FakeUtilityProcess extends EventEmitter {
  pid: number | undefined = undefined;
  stdout = new PassThrough();
  stderr = new PassThrough();
  posted: unknown[] = [];
  killed = false;
  postMessage(message: unknown): void {
    this.posted.push(message);
  }
  kill(): boolean {
    this.killed = true;
    return true;
  }
}

const forks: { modulePath: string; options: Record<string, unknown>; child: FakeUtilityProcess }[] = [];

vi.mock('electron', () => ({
  utilityProcess: {
    fork: (modulePath: string, _args: string[], options: Record<string, unknown>) => {
      const child = new FakeUtilityProcess();
      forks.push({ modulePath, options, child });
      return child;
    },
  },
}));

const { createUtilityJobHost } = await import('./utility-job-host');

const start: ToWorker = { type: 'start', job: { id: 1, kind: 'db.integrity', params: {} }, dataDir: '/d', dbFile: '/d/db', tools: {} };

beforeEach(() => {
  forks.length = 0;
});

describe('createUtilityJobHost', () => {
  it('forks the worker entry as a named utility process with piped output', () => {
    createUtilityJobHost({ entry: '/app/out/main/worker.js' }).startWorker('job 1 integrity');
    expect(forks[0]?.modulePath).toBe('/app/out/main/worker.js');
    expect(forks[0]?.options).toMatchObject({ stdio: 'pipe', serviceName: 'MER job 1 integrity' });
  });

  it('holds messages until the process has spawned, then delivers them in order', () => {
    const worker = createUtilityJobHost({ entry: 'w.js' }).startWorker('job');
    const child = forks[0]!.child;
    worker.send(start);
    expect(child.posted).toEqual([]);
    child.pid = 4242;
    child.emit('spawn');
    worker.send({ type: 'cancel' });
    expect(child.posted).toEqual([start, { type: 'cancel' }]);
    expect(worker.pid).toBe(4242);
  });

  it('reports exit after the messages that came before it', async () => {
    const worker = createUtilityJobHost({ entry: 'w.js' }).startWorker('job');
    const child = forks[0]!.child;
    const seen: string[] = [];
    worker.onMessage((m) => seen.push(`message ${(m as { type: string }).type}`));
    const exited = new Promise<void>((resolve) =>
      worker.onExit((exit) => {
        seen.push(`exit ${exit.code} ${exit.signal}`);
        resolve();
      }),
    );
    child.emit('spawn');
    child.emit('exit', 0);
    child.emit('message', { type: 'succeeded' });
    await exited;
    expect(seen).toEqual(['message succeeded', 'exit 0 null']);
    worker.send({ type: 'cancel' });
    expect(child.posted).toEqual([]);
  });

  it('tells a late onExit listener too', async () => {
    const worker = createUtilityJobHost({ entry: 'w.js' }).startWorker('job');
    forks[0]!.child.emit('exit', 3);
    await new Promise((r) => setImmediate(r));
    await expect(new Promise((resolve) => worker.onExit(resolve))).resolves.toEqual({ code: 3, signal: null });
  });

  it('kills with SIGKILL where there are signals, and says so in the exit', async () => {
    const worker = createUtilityJobHost({ entry: 'w.js' }).startWorker('job');
    const child = forks[0]!.child;
    const kill = vi.spyOn(process, 'kill').mockImplementation(() => true);
    try {
      child.pid = 999_999;
      child.emit('spawn');
      worker.kill();
      if (process.platform === 'win32') expect(child.killed).toBe(true);
      else expect(kill).toHaveBeenCalledWith(999_999, 'SIGKILL');
    } finally {
      kill.mockRestore();
    }
    const exit = new Promise((resolve) => worker.onExit(resolve));
    child.emit('exit', 137);
    await expect(exit).resolves.toEqual({ code: 137, signal: 'SIGKILL' });
  });

  it('pipes the worker output into the log, line by line', async () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    try {
      createUtilityJobHost({ entry: 'w.js' }).startWorker('job 7 backup');
      const child = forks[0]!.child;
      child.stdout.write('hello\nwor');
      child.stdout.end('ld\n');
      await new Promise((r) => setImmediate(r));
      expect(log.mock.calls.map((c) => c[0])).toEqual(['[job 7 backup] hello', '[job 7 backup] world']);
    } finally {
      log.mockRestore();
    }
  });
});
