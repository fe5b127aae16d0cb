import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { selectBackend } from './backend';
import { wasmPackageDir } from './wasm';

const installed = (pkg: string) => {
  try {
    createRequire(__filename).resolve(`${pkg}/package.json`);
    return true;
  } catch {
    return false;
  }
};
const nativeInstalled = installed('@tensorflow/tfjs-node') || installed('@tensorflow/tfjs-node-gpu');

/** A product the backend computes, against the same product on cpu. */
async function matMulAgreesWithCpu(): Promise<number> {
  const a = Float32Array.from({ length: 128 * 96 }, (_, i) => Math.sin(i));
  const b = Float32Array.from({ length: 96 * 64 }, (_, i) => Math.cos(i));
  const product = () => tf.tidy(() => tf.matMul(tf.tensor2d(a, [128, 96]), tf.tensor2d(b, [96, 64])).dataSync());
  const here = product();
  const backend = tf.getBackend();
  await tf.setBackend('cpu');
  const onCpu = product();
  await tf.setBackend(backend);
  return Math.max(...here.map((v, i) => Math.abs(v - onCpu[i]!))) / Math.max(...onCpu.map(Math.abs));
}

describe('selectBackend', () => {
  it.skipIf(nativeInstalled)('auto takes wasm when no native package is installed, and says what it passed over', async () => {
    const selected = await selectBackend('auto');
    expect(selected).toMatchObject({ name: 'wasm', threads: 1, versions: { 'tfjs-core': tf.version_core, 'tfjs-backend-wasm': '4.22.0' } });
    expect(selected.detail).toMatch(/tensorflow-gpu: @tensorflow\/tfjs-node-gpu is not installed.*tensorflow: @tensorflow\/tfjs-node is not installed/);
    expect(tf.getBackend()).toBe('wasm');
  });

  it.skipIf(nativeInstalled)('an explicit native preference that cannot load is an error naming the package', async () => {
    await expect(selectBackend('tensorflow')).rejects.toThrow('@tensorflow/tfjs-node is not installed');
    await expect(selectBackend('tensorflow-gpu')).rejects.toThrow('@tensorflow/tfjs-node-gpu is not installed');
  });

  it('cpu: one thread, and the cpu package version', async () => {
    const selected = await selectBackend('cpu');
    expect(selected).toMatchObject({ name: 'cpu', threads: 1, versions: { 'tfjs-core': tf.version_core, 'tfjs-backend-cpu': '4.22.0' } });
    expect(tf.getBackend()).toBe('cpu');
  });

  it('wasm loads its binaries from the package, wherever the requiring file is bundled', async () => {
    for (const binary of ['tfjs-backend-wasm.wasm', 'tfjs-backend-wasm-simd.wasm', 'tfjs-backend-wasm-threaded-simd.wasm']) {
      expect(existsSync(path.join(wasmPackageDir(), 'dist', binary)), binary).toBe(true);
    }
    const selected = await selectBackend('wasm');
    expect(selected).toMatchObject({ name: 'wasm', threads: 1 });
    expect(selected.detail).toContain('SIMD build, 1 thread');
    expect(await matMulAgreesWithCpu()).toBeLessThan(1e-5);
  });

  it('wasm with 2 threads runs the threaded build on 2 threads, computes the same, and can go back to 1', async () => {
    const threaded = await selectBackend('wasm', { wasmThreads: 2 });
    expect(threaded).toMatchObject({ name: 'wasm', threads: 2 });
    expect(threaded.detail).toContain('threaded-SIMD build, 2 threads');
    expect(await matMulAgreesWithCpu()).toBeLessThan(1e-5);
    expect((await selectBackend('wasm')).threads).toBe(1);
    await expect(selectBackend('wasm', { wasmThreads: 0 })).rejects.toThrow(/wasm threads must be 1\.\.8/);
  });

  it('a process that used 2 wasm threads still exits by itself (its pool threads never end)', async () => {
    const repository = path.resolve(__dirname, '../../../..');
    const code =
      "const tf = require('@tensorflow/tfjs-core');" +
      `require(${JSON.stringify(path.join(__dirname, 'backend.ts'))}).selectBackend('wasm', { wasmThreads: 2 })` +
      '.then((b) => console.log(b.threads, tf.sum(tf.ones([64, 64])).dataSync()[0]));';
    const exit = await new Promise<{ stdout: string; killed: boolean; status: number | null }>((resolve) => {
      const child = execFile(process.execPath, ['--import', 'tsx', '-e', code], { cwd: repository, timeout: 20_000 }, (error, stdout) =>
        resolve({ stdout, killed: error?.killed ?? false, status: child.exitCode }),
      );
    });
    expect(exit.stdout.trim().split('\n').at(-1)).toBe('2 4096');
    expect(exit).toMatchObject({ killed: false, status: 0 });
  }, 30_000);
});
