import WebSocket from 'ws';
import { createApiClient, type ApiClient } from '../../src/shared/client/api-client';
import { createHttpTransport, type HttpTransport } from '../../src/shared/client/http-transport';
import { startServerProcess, type ServerProcess } from '../helpers/server-process';
import { descendants, killTree, waitForExit } from './kill-tree';

/** The built headless server on the suite's data directory, reached through the typed client over HTTP. */
export interface FaultServer {
  client: ApiClient;
  output(): string;
  /**
   * SIGKILL to the server and every process below it (`everything`), or to the server alone, its
   * workers left to notice and stop by themselves (`server`). Resolves once the server is gone,
   * with the processes left running below it (for `server`).
   */
  kill(victims: Victims): Promise<number[]>;
}

export type Victims = 'everything' | 'server';

const token = 'faults-token-0123456789abcdef';

export async function startFaultServer(dataDir: string): Promise<FaultServer> {
  let server: ServerProcess;
  try {
    server = await startServerProcess(['--data-dir', dataDir, '--port', '0', '--token', token]);
  } catch (error) {
    throw new Error(`The server did not start on ${dataDir}: ${(error as Error).message}`, { cause: error });
  }
  const transport: HttpTransport = createHttpTransport({
    baseUrl: `http://127.0.0.1:${server.port}`,
    token,
    createWebSocket: (url) => new WebSocket(url),
    reconnectMs: 60_000,
  });
  // Scenarios wait on job.updated events: subscribed before the socket opens, so the server
  // knows of the subscription before any job starts.
  const client = createApiClient(transport);
  client.on('job.updated', () => undefined);
  await transport.ready();
  return {
    client,
    output: server.output,
    async kill(victims) {
      const pid = server.child.pid;
      let left: number[] = [];
      if (pid !== undefined && victims === 'server') {
        left = descendants(pid);
        server.child.kill('SIGKILL');
      } else if (pid !== undefined) {
        // All of them are dead (zombies at most) before anything restarts, as after a power cut.
        const killed = killTree(pid);
        transport.close();
        await server.exited;
        await waitForExit(killed, 10_000);
      }
      transport.close();
      await server.exited;
      return left;
    },
  };
}
