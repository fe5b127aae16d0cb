import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import WebSocket from 'ws';
import { createApiClient, type ApiClient } from '../../src/shared/client/api-client';
import { createHttpTransport } from '../../src/shared/client/http-transport';
import { createMemoryTransport } from '../../src/main/core/host/memory-transport';
import { startServer, type RunningServer } from '../../src/main/server/http-server';
import type { Backend } from '../../src/main/core/backend';

export const testToken = 'test-token-0123456789abcdef';

export interface Connected {
  client: ApiClient;
  /** Resolves once events can be received. */
  ready(): Promise<void>;
  close(): Promise<void>;
}

export function connectInMemory(backend: Backend): Connected {
  const transport = createMemoryTransport(backend);
  return { client: createApiClient(transport), ready: () => Promise.resolve(), close: async () => transport.close() };
}

/** A static folder standing in for the built renderer. */
export function fakeRenderer(dir: string): string {
  const staticDir = path.join(dir, 'renderer');
  mkdirSync(staticDir, { recursive: true });
  writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>MER</title><div id="root"></div>');
  return staticDir;
}

export async function serve(backend: Backend, options: { maxBodyBytes?: number } = {}): Promise<RunningServer> {
  return startServer({ backend, token: testToken, host: '127.0.0.1', port: 0, staticDir: fakeRenderer(backend.dataDir), ...options });
}

export async function connectOverHttp(backend: Backend): Promise<Connected & { server: RunningServer }> {
  const server = await serve(backend);
  const transport = createHttpTransport({
    baseUrl: `http://127.0.0.1:${server.port}`,
    token: testToken,
    createWebSocket: (url) => new WebSocket(url),
    reconnectMs: 50,
  });
  return {
    server,
    client: createApiClient(transport),
    ready: () => transport.ready(),
    async close() {
      transport.close();
      await server.close();
    },
  };
}
