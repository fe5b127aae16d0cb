import { createHash } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs-core';

/**
 * The wasm backend in Node. Its .wasm binaries are located from the package itself (not from the
 * requiring file), so tests, tsx and the bundled app in out/main all find them.
 *
 * In Node, tfjs always loads the single-threaded build (WASM_HAS_MULTITHREAD_SUPPORT is false
 * there). For more threads we load the threaded-SIMD build ourselves: its pthread worker script
 * ships only as a JavaScript string (wasm-out/*.worker.js exports it), so we write it to a real
 * file that Node's worker_threads can start; and XNNPACK caps its pool at half the logical cores
 * (emscripten_num_logical_cores() / 2), so we answer that import with twice the threads asked for.
 */

const requireHere = createRequire(__filename);
const PACKAGE = '@tensorflow/tfjs-backend-wasm';
const THREADED = 'tfjs-backend-wasm-threaded-simd';
/** The threaded build pre-spawns 8 pthread workers, XNNPACK's ceiling. */
export const MAX_WASM_THREADS = 8;
/** Starting 8 workers takes 0.2-1.5 s here; a broken worker script would otherwise hang forever. */
const START_TIMEOUT_MS = 30_000;

type WasmPackage = typeof import('@tensorflow/tfjs-backend-wasm');

/** The package folder: dist/ holds the binaries tfjs loads, wasm-out/ the emscripten factories. */
export function wasmPackageDir(): string {
  return path.dirname(requireHere.resolve(`${PACKAGE}/package.json`));
}

export function wasmVersion(): string {
  return (requireHere(`${PACKAGE}/package.json`) as { version: string }).version;
}

let stockFactory: (() => tf.KernelBackend | Promise<tf.KernelBackend>) | null = null;
let loadedThreads = 0;

async function loadPackage(): Promise<WasmPackage> {
  const wasm = await import('@tensorflow/tfjs-backend-wasm');
  if (!stockFactory) {
    // Before the first init: where the single-threaded binaries are.
    wasm.setWasmPaths(`${path.join(wasmPackageDir(), 'dist')}${path.sep}`);
    stockFactory = tf.findBackendFactory('wasm');
  }
  return wasm;
}

/** A run's thread count when it names none: one per core (the job has the machine), at most XNNPACK's ceiling. */
export function threadsFor(requested: number | null): number {
  return Math.min(requested ?? os.cpus().length, MAX_WASM_THREADS);
}

export function checkWasmThreads(threads: number): void {
  if (!Number.isInteger(threads) || threads < 1 || threads > MAX_WASM_THREADS) throw new Error(`wasm threads must be 1..${MAX_WASM_THREADS}, got ${threads}`);
}

/**
 * Makes `wasm` the active backend with `threads` XNNPACK threads (1: tfjs's own single-threaded
 * SIMD build). Returns the thread count the backend reports.
 */
export async function activateWasm(threads: number): Promise<number> {
  checkWasmThreads(threads);
  const wasm = await loadPackage();
  let startError: unknown = null;
  if (loadedThreads !== threads) {
    tf.removeBackend('wasm');
    const threaded = async () => threadedBackend(wasm, threads).catch((error: unknown) => Promise.reject((startError = error)));
    tf.registerBackend('wasm', threads === 1 ? stockFactory! : threaded, 2);
    loadedThreads = threads;
  }
  if (!(await tf.setBackend('wasm'))) {
    const reason = startError instanceof Error ? `: ${startError.message}` : '';
    throw new Error(`the wasm backend did not initialise (${threads === 1 ? 'single-threaded' : `${threads} threads`})${reason}`, { cause: startError });
  }
  return wasm.getThreadsCount();
}

/** The one WebAssembly call made here (this project's TypeScript libs do not declare WebAssembly). */
const webAssembly = (globalThis as unknown as { WebAssembly: { instantiate(bytes: Uint8Array, imports: object): Promise<{ instance: unknown; module: unknown }> } }).WebAssembly;

interface ThreadedModule {
  cwrap: (name: string, returns: string | null, args: string[]) => (...args: number[]) => number;
  PThread: { runningWorkers: { unref(): void }[] };
  tfjs?: unknown;
}

async function threadedBackend(wasm: WasmPackage, threads: number): Promise<tf.KernelBackend> {
  const outDir = path.join(wasmPackageDir(), 'wasm-out');
  const scriptFile = path.join(outDir, `${THREADED}.js`);
  const wasmFile = path.join(outDir, `${THREADED}.wasm`);
  const workerFile = pthreadWorkerFile(outDir);
  const factory = requireHere(scriptFile) as (config: object) => Promise<ThreadedModule>;
  let fail: (reason: Error) => void = () => {};
  const failed = new Promise<never>((_, reject) => (fail = reject));
  const timer = setTimeout(() => fail(new Error(`the threaded wasm build did not start within ${START_TIMEOUT_MS / 1000} s`)), START_TIMEOUT_MS);
  const config = {
    locateFile: (file: string) => (file.endsWith('.worker.js') ? workerFile : path.join(outDir, file)),
    // Each pthread worker evaluates this script to build its own view of the module.
    mainScriptUrlOrBlob: scriptFile,
    instantiateWasm: (imports: { env: Record<string, unknown> }, receive: (instance: unknown, module: unknown) => void) => {
      imports.env['emscripten_num_logical_cores'] = () => 2 * threads;
      webAssembly.instantiate(readFileSync(wasmFile), imports).then(
        (result) => receive(result.instance, result.module),
        (error: unknown) => fail(new Error(`cannot instantiate ${wasmFile}: ${String(error)}`)),
      );
      return {};
    },
  };
  const module = await Promise.race([factory(config), failed]).finally(() => clearTimeout(timer));
  // What tfjs's own init() attaches before handing the module to BackendWasm.
  module.tfjs = {
    init: module.cwrap('init', null, []),
    initWithThreadsCount: module.cwrap('init_with_threads_count', null, ['number']),
    getThreadsCount: module.cwrap('get_threads_count', 'number', []),
    registerTensor: module.cwrap('register_tensor', null, ['number', 'number', 'number']),
    disposeData: module.cwrap('dispose_data', null, ['number']),
    dispose: module.cwrap('dispose', null, []),
  };
  wasm.setThreadsCount(threads);
  const backend = new wasm.BackendWasm(module as unknown as ConstructorParameters<typeof wasm.BackendWasm>[0]);
  // XNNPACK's pool threads are started now and never exit; they must not keep the process alive.
  for (const worker of module.PThread.runningWorkers) worker.unref();
  return backend;
}

/**
 * The pthread worker script as a file (written once per content, atomically, in the temp folder).
 * Its newlines are escaped first, as tfjs does before putting it in a Blob: the string holds
 * "\n" escapes that a template literal turned into real newlines inside string literals.
 */
function pthreadWorkerFile(outDir: string): string {
  const { wasmWorkerContents } = requireHere(path.join(outDir, `${THREADED}.worker.js`)) as { wasmWorkerContents: string };
  const source = wasmWorkerContents.replace(/\n/g, '\\n');
  const hash = createHash('sha256').update(source).digest('hex').slice(0, 16);
  const file = path.join(os.tmpdir(), `mer-tfjs-wasm-pthread-${hash}.js`);
  if (!existsSync(file)) {
    const partial = `${file}.${process.pid}.tmp`;
    writeFileSync(partial, source);
    renameSync(partial, file);
  }
  return file;
}
