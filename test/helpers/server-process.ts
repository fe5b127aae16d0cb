import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

/** The built server; MER_SERVER_JS points at another build (e.g. a copy that a rebuild cannot change mid-run). */
export const builtServer = path.resolve(process.env['MER_SERVER_JS'] ?? path.join(__dirname, '../../out/main/server.js'));

export interface ServerProcess {
  child: ChildProcess;
  url: string;
  port: number;
  token: string;
  output(): string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Starts the built server (`npm run build` first) and resolves once it prints its ready line. */
export function startServerProcess(args: string[], env: NodeJS.ProcessEnv = {}): Promise<ServerProcess> {
  if (!existsSync(builtServer)) throw new Error(`${builtServer} is missing: run "npm run build" first`);
  const child = spawn(process.execPath, [builtServer, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      const match = /server ready: (http:\/\/[^\s]+:(\d+)\/\?token=(\S+))/.exec(output);
      if (match?.[1] && match[2] && match[3]) resolve({ child, url: match[1], port: Number(match[2]), token: match[3], output: () => output, exited });
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    void exited.then(({ code }) => reject(new Error(`The server exited (${code}) before it was ready:\n${output}`)));
  });
}
