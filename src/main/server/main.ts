/** `npm run serve`: the workstation as a headless server for a browser. */
import path from 'node:path';
import { createBackend } from '../core/backend';
import { createForkJobHost } from '../core/jobs/fork-host';
import { isLoopback, parseServerArgs, usage } from './args';
import { newToken } from './auth';
import { startServer } from './http-server';

async function main(): Promise<void> {
  let args;
  try {
    args = parseServerArgs(process.argv.slice(2));
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${usage}`);
    process.exit(2);
  }
  if (args.help) {
    console.log(usage);
    return;
  }
  const token = args.token ?? newToken();
  const backend = createBackend({
    dataDir: args.dataDir,
    host: 'server',
    jobHost: createForkJobHost({ entry: path.join(__dirname, 'worker.js') }),
  });
  const running = await startServer({
    backend,
    token,
    host: args.host,
    port: args.port,
    staticDir: args.staticDir ?? path.join(__dirname, '..', 'renderer'),
    maxBodyBytes: args.maxBodyBytes,
  }).catch(async (error: unknown) => {
    await backend.close();
    throw error;
  });

  if (!isLoopback(args.host)) {
    console.warn(
      `\n!!! WARNING: listening on ${args.host}, not on loopback. Anyone who can reach this machine and learns the token can read and change your data. !!!\n`,
    );
  }
  console.log(`Data directory: ${backend.dataDir}`);
  console.log(`MER Workstation server ready: ${running.url}`);

  let stopping = false;
  const shutdown = (signal: string): void => {
    if (stopping) {
      console.error('Second signal: exiting without waiting for jobs.');
      process.exit(1);
    }
    stopping = true;
    console.log(`${signal}: stopping jobs and closing the database…`);
    void (async () => {
      await running.close();
      await backend.close();
      console.log('Stopped cleanly.');
      process.exit(0);
    })();
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
