import { test as base, expect } from '@playwright/test';
import { startServer, type RunningServer } from './server-process';

export interface ServerFixtures {
  /** Environment for the server and its job workers (fault injection); set with `test.use`. */
  serverEnv: NodeJS.ProcessEnv;
  /**
   * A headless server of its own for every test, on a fresh data directory, so no test sees
   * another's projects. Starting one takes well under a second.
   */
  server: RunningServer;
}

export const test = base.extend<ServerFixtures>({
  serverEnv: [{}, { option: true }],
  server: async ({ serverEnv }, use, testInfo) => {
    const server = await startServer({ env: serverEnv });
    try {
      await use(server);
    } finally {
      await server.stop();
      if (testInfo.status !== testInfo.expectedStatus) {
        await testInfo.attach('server output', { body: server.output(), contentType: 'text/plain' });
      }
    }
  },
});

export { expect };
