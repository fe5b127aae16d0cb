import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createBackend, type Backend, type BackendOptions } from '../../src/main/core/backend';
import { createForkJobHost } from '../../src/main/core/jobs/fork-host';

const workerEntry = path.resolve(__dirname, '../../src/main/core/jobs/worker/main.ts');
// By file URL, so that a worker finds its TypeScript loader whatever the current folder is.
const tsxLoader = pathToFileURL(createRequire(__filename).resolve('tsx')).href;

export function tempDir(prefix = 'mer-test-'): string {
  return mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** A job host that runs the worker from TypeScript source, as the built app runs worker.js. */
export function sourceJobHost(env: NodeJS.ProcessEnv = {}) {
  return createForkJobHost({ entry: workerEntry, execArgv: ['--import', tsxLoader], env });
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
