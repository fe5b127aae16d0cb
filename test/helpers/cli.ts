import { spawnSync } from 'node:child_process';
import path from 'node:path';

const cliSource = path.resolve(__dirname, '../../src/main/cli/main.ts');

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
  /** The last stdout line parsed as JSON (the command's result). */
  json(): Record<string, unknown>;
}

/** Runs `mer` from source, as `npm run mer` runs its build. */
export function mer(args: string[], env: NodeJS.ProcessEnv = {}): CliRun {
  const r = spawnSync(process.execPath, ['--import', 'tsx', cliSource, ...args], { encoding: 'utf8', env: { ...process.env, ...env }, timeout: 300_000 });
  return {
    status: r.status,
    stdout: r.stdout,
    stderr: r.stderr,
    json: () => JSON.parse(r.stdout.trim().split('\n').at(-1) ?? 'null') as Record<string, unknown>,
  };
}
