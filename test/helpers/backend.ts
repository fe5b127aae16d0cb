import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createBackend, type Backend, type BackendOptions } from '../../src/main/core/backend';
import { createForkJobHost } from '../../src/main/core/jobs/fork-host';

const workerEntry = path.resolve(__dirname, '../../src/main/core/jobs/worker/main.ts');

export function tempDir(prefix = 'mer-test-'): string {
  return mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** A job host that runs the worker from TypeScript source, as the built app runs worker.js. */
export function sourceJobHost(env: NodeJS.ProcessEnv = {}) {
  return createForkJobHost({ entry: workerEntry, execArgv: ['--import', 'tsx'], env });
}

export interface TestBackendOptions {
  dataDir?: string;
  faults?: NodeJS.ProcessEnv;
  jobs?: BackendOptions['jobs'];
}

/** A real backend on a temporary data directory; `dispose` closes it and removes the folder. */
export function createTestBackend(options: TestBackendOptions = {}): Backend & { dispose(): Promise<void> } {
  const dataDir = options.dataDir ?? tempDir();
  const backend = createBackend({ dataDir, host: 'memory', jobHost: sourceJobHost(options.faults), jobs: options.jobs });
  return Object.assign(backend, {
    async dispose() {
      await backend.close();
      if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  });
}
