import { parseArgs } from 'node:util';
import { defaultDataDir } from '../core/data-dir';

export interface ServerArgs {
  dataDir: string;
  host: string;
  port: number;
  token: string | undefined;
  staticDir: string | undefined;
  maxBodyBytes: number | undefined;
  help: boolean;
}

export const usage = `Usage: npm run serve -- [options]

  --data-dir DIR     where projects live (default: ${defaultDataDir()})
  --port N           port to listen on; 0 picks a free one (default: 4780)
  --host ADDR        interface to bind (default: 127.0.0.1). Anything else exposes the
                     workstation to your network: only with a reason.
  --token T          connection token (default: MER_TOKEN, else a new random one)
  --static-dir DIR   the built renderer to serve (default: out/renderer)
  --max-body BYTES   largest API request body (default: 1048576)
  --help             this text`;

function integer(name: string, value: string | undefined, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) throw new Error(`--${name} must be an integer from ${min} to ${max}, not "${value}"`);
  return n;
}

export function parseServerArgs(argv: string[], env: NodeJS.ProcessEnv = process.env): ServerArgs {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      'data-dir': { type: 'string' },
      port: { type: 'string' },
      host: { type: 'string' },
      token: { type: 'string' },
      'static-dir': { type: 'string' },
      'max-body': { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  const token = values.token ?? env['MER_TOKEN'];
  if (token !== undefined && token.length < 16) throw new Error('The token must be at least 16 characters long');
  return {
    dataDir: values['data-dir'] ?? defaultDataDir(env),
    host: values.host ?? '127.0.0.1',
    port: integer('port', values.port, 0, 65535) ?? 4780,
    token,
    staticDir: values['static-dir'],
    maxBodyBytes: integer('max-body', values['max-body'], 1024, 1024 * 1024 * 1024),
    help: values.help ?? false,
  };
}

export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}
