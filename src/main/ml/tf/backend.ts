import './gradients';
import { version_cpu } from '@tensorflow/tfjs-backend-cpu';
import os from 'node:os';
import * as tf from '@tensorflow/tfjs-core';
import { loadNativePackage, type NativePackage } from './native';
import { activateWasm, checkWasmThreads, wasmVersion } from './wasm';

export type BackendName = 'tensorflow-gpu' | 'tensorflow' | 'wasm' | 'cpu';
export type BackendPreference = 'auto' | BackendName;

export interface SelectedBackend {
  name: BackendName;
  /** What runs, and for `auto` why faster backends were passed over. */
  detail: string;
  /** Package name (without the @tensorflow/ scope) → version: tfjs-core and the backend's package. */
  versions: Record<string, string>;
  threads: number;
}

export interface BackendOptions {
  /**
   * XNNPACK threads for wasm (default 1). Above 1 loads the threaded-SIMD build with real worker
   * threads (tf/wasm.ts), which tfjs never does in Node; ~2x conv2d/matMul throughput on 2 idle cores.
   */
  wasmThreads?: number;
}

/** Fastest first: the order `auto` tries. */
const AUTO_ORDER: readonly BackendName[] = ['tensorflow-gpu', 'tensorflow', 'wasm', 'cpu'];

/**
 * Makes a TensorFlow.js backend the active one, for the rest of the process. `auto` takes the first
 * that loads: tfjs-node-gpu with a GPU, tfjs-node, wasm, cpu. An explicit preference that cannot
 * load throws an error naming what failed.
 */
export async function selectBackend(preference: BackendPreference, options: BackendOptions = {}): Promise<SelectedBackend> {
  if (preference !== 'auto') return activate(preference, options, false);
  const passedOver: string[] = [];
  for (const name of AUTO_ORDER) {
    try {
      const selected = await activate(name, options, true);
      return passedOver.length === 0 ? selected : { ...selected, detail: `${selected.detail} (passed over: ${passedOver.join('; ')})` };
    } catch (error) {
      passedOver.push(`${name}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  throw new Error(`No TensorFlow.js backend loads here: ${passedOver.join('; ')}`);
}

async function activate(name: BackendName, options: BackendOptions, auto: boolean): Promise<SelectedBackend> {
  switch (name) {
    case 'tensorflow-gpu':
      return activateNative('@tensorflow/tfjs-node-gpu', true, auto);
    case 'tensorflow':
      return activateNative('@tensorflow/tfjs-node', false, auto);
    case 'wasm':
      return activateWasmBackend(options.wasmThreads ?? 1);
    case 'cpu':
      if (!(await tf.setBackend('cpu'))) throw new Error('the cpu backend did not initialise');
      return { name, detail: '@tensorflow/tfjs-backend-cpu (pure JavaScript, slow)', versions: versions('tfjs-backend-cpu', version_cpu), threads: 1 };
  }
}

/**
 * Both native packages register the same `tensorflow` backend. Under `auto`, a GPU package that
 * loads but sees no GPU is kept as plain TensorFlow on the CPU: it is the same native library.
 */
async function activateNative(pkg: NativePackage, wantGpu: boolean, auto: boolean): Promise<SelectedBackend> {
  const version = loadNativePackage(pkg);
  if (!(await tf.setBackend('tensorflow'))) throw new Error(`${pkg} ${version} loaded, but its tensorflow backend did not initialise (a second copy of tfjs-core?)`);
  const onGpu = (tf.backend() as { isUsingGpuDevice?: boolean }).isUsingGpuDevice === true;
  const shortName = pkg.replace('@tensorflow/', '');
  const threads = os.availableParallelism();
  if (wantGpu && !onGpu) {
    if (!auto) throw new Error(`${pkg} ${version} loaded but sees no GPU (CUDA/cuDNN missing or no device)`);
    return { name: 'tensorflow', detail: `${pkg} ${version}: no GPU visible, TensorFlow runs on the CPU`, versions: versions(shortName, version), threads };
  }
  const where = onGpu ? 'on the GPU' : `on the CPU (TensorFlow's own thread pools, ${threads} cores)`;
  return { name: wantGpu ? 'tensorflow-gpu' : 'tensorflow', detail: `${pkg} ${version}, native TensorFlow ${where}`, versions: versions(shortName, version), threads };
}

/** More than one thread is a speed-up, not a requirement: if the threaded build fails, one thread runs. */
async function activateWasmBackend(requestedThreads: number): Promise<SelectedBackend> {
  checkWasmThreads(requestedThreads);
  let threads: number;
  let fallback = '';
  try {
    threads = await activateWasm(requestedThreads);
  } catch (error) {
    if (requestedThreads === 1) throw error;
    fallback = `; ${requestedThreads} threads asked for, but ${error instanceof Error ? error.message : String(error)}`;
    threads = await activateWasm(1);
  }
  const simd = (await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT')) === true;
  const build = threads > 1 ? 'threaded-SIMD build' : simd ? 'SIMD build' : 'plain build';
  return {
    name: 'wasm',
    detail: `@tensorflow/tfjs-backend-wasm ${wasmVersion()} (${build}, ${threads} ${threads === 1 ? 'thread' : 'threads'}${fallback})`,
    versions: versions('tfjs-backend-wasm', wasmVersion()),
    threads,
  };
}

function versions(backendPackage: string, version: string): Record<string, string> {
  return { 'tfjs-core': tf.version_core, [backendPackage]: version };
}
