import * as tf from '@tensorflow/tfjs-core';
import { conv3d, type Conv3dImplementation, type Conv3dSpec } from '../src/main/ml/ops/conv3d';
import { selectBackend, type BackendName, type BackendOptions } from '../src/main/ml/tf/backend';

/**
 * One lite-MENet stage-1 conv (batch 4 x T 8 = 32 frames of 32x32, 32 -> 32 channels, 3x3x3,
 * stride 1, pad 1): tf.conv3d against the conv2d-based op (ops/conv3d.ts), forward and
 * forward+backward, on every backend that loads here. Figures are medians; the machine is shared,
 * so compare ratios taken in one run.
 */
const [n, t, size, ci, co] = [4, 8, 32, 32, 32];
const kernel = [3, 3, 3] as const;
const spec: Conv3dSpec = { strides: [1, 1, 1], pads: [1, 1, 1] };
const forwardFlops = 2 * n * t * size * size * co * kernel[0] * kernel[1] * kernel[2] * ci;
/** The input and the weight gradients each cost one forward's multiply-adds. */
const trainingFlops = 3 * forwardFlops;

const candidates: { label: string; name: BackendName; options: BackendOptions }[] = [
  { label: 'tensorflow-gpu', name: 'tensorflow-gpu', options: {} },
  { label: 'tensorflow', name: 'tensorflow', options: {} },
  { label: 'cpu', name: 'cpu', options: {} },
  { label: 'wasm', name: 'wasm', options: {} },
  { label: 'wasm x2', name: 'wasm', options: { wasmThreads: 2 } },
];

function median(xs: number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** Median of up to 5 timed runs after one warm-up, stopping early once 3 s are spent; a warm-up over 3 s is the figure. */
function time(run: () => void): number {
  const warmUp = performance.now();
  run();
  const warmUpMs = performance.now() - warmUp;
  if (warmUpMs > 3000) return warmUpMs;
  const times: number[] = [];
  const start = performance.now();
  while (times.length < 5 && (times.length < 1 || performance.now() - start < 3000)) {
    const t0 = performance.now();
    run();
    times.push(performance.now() - t0);
  }
  return median(times);
}

function measure(implementation: Exclude<Conv3dImplementation, 'auto'>, x: tf.Tensor5D, w: tf.Tensor5D): { forwardMs: number; trainingMs: number } {
  const op = (a: tf.Tensor, b: tf.Tensor) => conv3d(a as tf.Tensor5D, b as tf.Tensor5D, spec, implementation);
  const forwardMs = time(() => tf.tidy(() => void op(x, w).dataSync()));
  const trainingMs = time(() =>
    tf.tidy(() => {
      const dy = tf.onesLike(op(x, w));
      for (const g of tf.grads(op)([x, w], dy)) g.dataSync();
    }),
  );
  return { forwardMs, trainingMs };
}

const gflops = (flops: number, ms: number) => (flops / (ms / 1000) / 1e9).toFixed(1);

export async function benchConv3d(): Promise<string> {
  console.log(`conv3d ${n * t} frames of ${size}x${size}x${ci} -> ${co}, kernel ${kernel.join('x')}: ${(forwardFlops / 1e9).toFixed(2)} GFLOP forward, ${(trainingFlops / 1e9).toFixed(2)} GFLOP forward+backward`);
  const rows: { label: string; fast: number; stock: number }[] = [];
  for (const candidate of candidates) {
    let detail: string;
    try {
      detail = (await selectBackend(candidate.name, candidate.options)).detail;
    } catch (error) {
      console.log(`${candidate.label.padEnd(15)} skipped: ${(error as Error).message}`);
      continue;
    }
    const x = tf.randomNormal([n, t, size, size, ci]) as tf.Tensor5D;
    const w = tf.mul(tf.randomNormal([...kernel, ci, co]), 0.05) as tf.Tensor5D;
    const fast = measure('conv2d', x, w);
    const stock = measure('stock', x, w);
    tf.dispose([x, w]);
    for (const [what, r] of [['conv2d-based', fast], ['tf.conv3d', stock]] as const) {
      console.log(
        `${candidate.label.padEnd(15)} ${what.padEnd(13)} forward ${r.forwardMs.toFixed(1).padStart(8)} ms (${gflops(forwardFlops, r.forwardMs).padStart(5)} GFLOP/s)` +
          `   forward+backward ${r.trainingMs.toFixed(1).padStart(8)} ms (${gflops(trainingFlops, r.trainingMs).padStart(5)} GFLOP/s)`,
      );
    }
    console.log(`${' '.repeat(15)} ${detail}; forward+backward speedup ${(stock.trainingMs / fast.trainingMs).toFixed(1)}x`);
    rows.push({ label: candidate.label, fast: fast.trainingMs, stock: stock.trainingMs });
  }
  const best = rows.reduce((a, b) => (b.fast < a.fast ? b : a));
  return `conv3d backend=${best.label.replace(' ', '')} fast_ms=${best.fast.toFixed(1)} stock_ms=${best.stock.toFixed(1)} speedup=${(best.stock / best.fast).toFixed(1)}`;
}
