import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { TfBackendName } from '../../../shared/api/app';

export interface TfBackendProbe {
  name: TfBackendName;
  available: boolean;
  detail: string;
}

function resolves(pkg: string): string | null {
  try {
    return require.resolve(pkg);
  } catch {
    return null;
  }
}

/** Native bindings can crash the process that loads them, so they are tried in a throwaway one. */
function loadsInChild(pkg: string): Promise<{ ok: boolean; detail: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['-e', `require(${JSON.stringify(pkg)})`], { timeout: 60_000, env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' } }, (error, _out, stderr) => {
      if (!error) return resolve({ ok: true, detail: `${pkg} loads` });
      const reason = stderr.split('\n').find((l) => /Error/.test(l)) ?? error.message;
      resolve({ ok: false, detail: `${pkg} is installed but does not load: ${reason.trim().slice(0, 300)}` });
    });
  });
}

async function probeNative(name: TfBackendName, pkg: string): Promise<TfBackendProbe> {
  if (!resolves(pkg)) return { name, available: false, detail: `${pkg} is not installed (an optional dependency whose binary download failed or was skipped)` };
  const { ok, detail } = await loadsInChild(pkg);
  return { name, available: ok, detail };
}

function probeWasm(): TfBackendProbe {
  const entry = resolves('@tensorflow/tfjs-backend-wasm');
  if (!entry) return { name: 'wasm', available: false, detail: '@tensorflow/tfjs-backend-wasm is not installed' };
  const dir = path.join(path.dirname(entry), '..', 'wasm-out');
  const binary = ['tfjs-backend-wasm-simd.wasm', 'tfjs-backend-wasm.wasm'].find((f) => existsSync(path.join(dir, f)));
  return binary
    ? { name: 'wasm', available: true, detail: `@tensorflow/tfjs-backend-wasm (${binary})` }
    : { name: 'wasm', available: false, detail: `@tensorflow/tfjs-backend-wasm has no .wasm binary in ${dir}` };
}

function probeCpu(): TfBackendProbe {
  return resolves('@tensorflow/tfjs-backend-cpu')
    ? { name: 'cpu', available: true, detail: '@tensorflow/tfjs-backend-cpu (pure JavaScript, slow)' }
    : { name: 'cpu', available: false, detail: '@tensorflow/tfjs-backend-cpu is not installed' };
}

let cached: Promise<TfBackendProbe[]> | undefined;

/** Which TensorFlow.js backends can load here, fastest first. Probed once per process. */
export function probeTfBackends(): Promise<TfBackendProbe[]> {
  cached ??= Promise.all([
    probeNative('tensorflow-gpu', '@tensorflow/tfjs-node-gpu'),
    probeNative('tensorflow', '@tensorflow/tfjs-node'),
    Promise.resolve(probeWasm()),
    Promise.resolve(probeCpu()),
  ]);
  return cached;
}
