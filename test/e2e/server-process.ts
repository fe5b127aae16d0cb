import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** What a test needs to reach a running headless server. */
export interface RunningServer {
  /** The printed URL, with `?token=`: opening it signs the browser in. */
  url: string;
  token: string;
  /** e.g. `http://127.0.0.1:40123` */
  baseUrl: string;
  dataDir: string;
  /** The server's output so far (for failure messages). */
  output(): string;
  stop(): Promise<void>;
}

export interface StartServerOptions {
  /** Extra environment for the server and its job workers, e.g. fault injection. */
  env?: NodeJS.ProcessEnv;
  readyTimeoutMs?: number;
}

/** The built server; MER_E2E_SERVER_JS points elsewhere (e.g. a partial build). */
export const serverEntry = path.resolve(process.env['MER_E2E_SERVER_JS'] ?? path.join(__dirname, '../../out/main/server.js'));

const readyLine = /MER Workstation server ready: (\S+)/;

function waitForExit(child: ChildProcess, timeoutMs: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), timeoutMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

/**
 * Starts `node out/main/server.js --data-dir <fresh temp dir> --port 0` and resolves once it
 * prints its ready line. Stopping sends SIGTERM (the server finishes its jobs and closes the
 * database), then SIGKILL after a grace period, and removes the data directory.
 */
export async function startServer(options: StartServerOptions = {}): Promise<RunningServer> {
  if (!existsSync(serverEntry)) throw new Error(`${serverEntry} does not exist: run "npm run build" first`);
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'mer-e2e-'));
  const child = spawn(process.execPath, [serverEntry, '--data-dir', dataDir, '--port', '0'], {
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  // Keep draining both pipes for the server's whole life, or a chatty job would block it.
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (log += chunk));
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (log += chunk));

  const stop = async () => {
    child.kill('SIGTERM');
    if (!(await waitForExit(child, 10_000))) {
      child.kill('SIGKILL');
      await waitForExit(child, 5_000);
    }
    rmSync(dataDir, { recursive: true, force: true });
  };

  try {
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`The server did not print its ready line within ${options.readyTimeoutMs ?? 20_000} ms`)),
        options.readyTimeoutMs ?? 20_000,
      );
      const onData = () => {
        const match = readyLine.exec(log);
        if (!match?.[1]) return;
        clearTimeout(timer);
        child.stdout?.off('data', onData);
        resolve(match[1]);
      };
      child.stdout?.on('data', onData);
      child.once('exit', (code, signal) => {
        clearTimeout(timer);
        reject(new Error(`The server exited (${signal ?? code}) before it was ready`));
      });
      child.once('error', (error) => {
        clearTimeout(timer);
        reject(error);
      });
    });
    const parsed = new URL(url);
    const token = parsed.searchParams.get('token');
    if (!token) throw new Error(`The ready URL carries no token: ${url}`);
    return { url, token, baseUrl: parsed.origin, dataDir, output: () => log, stop };
  } catch (error) {
    await stop();
    throw new Error(`${(error as Error).message}\n--- server output ---\n${log}`, { cause: error });
  }
}
