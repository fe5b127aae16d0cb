import * as tf from '@tensorflow/tfjs-core';
import { mulberry32 } from '../../../shared/domain/random';
import { selectBackend } from '../tf/backend';

/**
 * Checks an op's forward pass and gradients on each TensorFlow.js backend against two yardsticks:
 * the `cpu` backend (the op itself, or a reference such as tf.conv3d), and central finite
 * differences of that backend's own forward pass. The scalar differentiated is L = Σ r·y for a fixed
 * random r, accumulated in float64 from the float32 outputs; the step actually taken is the
 * difference of the two float32-rounded inputs, so rounding the perturbed input costs nothing.
 * Errors are relative: max |a - b| over max |b| (0 when both are all zero).
 */

export interface OpCheck {
  /** Shapes of the op's inputs. */
  inputs: readonly (readonly number[])[];
  op: (...inputs: tf.Tensor[]) => tf.Tensor;
  /** Run on `cpu` as the yardstick for the forward pass and gradients; default `op` itself. */
  reference?: (...inputs: tf.Tensor[]) => tf.Tensor;
  /** Input values (default uniform in [-1, 1)); keep kinks of piecewise ops farther than `step`. */
  values?: (size: number, input: number, random: () => number) => Float32Array;
  /**
   * Central-difference step (default 1e-2; exact for any step on linear ops, so those can use 1),
   * or a function of the coordinate's value, for ops whose curvature grows near some point (sqrt).
   */
  step?: number | ((value: number) => number);
  /** Coordinates per input checked by differences (default 12; all of a smaller input). */
  samples?: number;
  seed?: number;
}

export interface BackendErrors {
  backend: string;
  forward: number;
  /** Per input: gradient against the reference's gradient on `cpu`. */
  gradients: number[];
  /** Per input: gradient against central differences, at the sampled coordinates. */
  finiteDifferences: number[];
}

/** The backends that load here, by tfjs name: `cpu`, `wasm`, and `tensorflow` when a native package loads. */
export async function loadableBackends(): Promise<string[]> {
  const names = new Set<string>(['cpu']);
  for (const preference of ['tensorflow', 'tensorflow-gpu', 'wasm'] as const) {
    try {
      await selectBackend(preference);
      names.add(tf.getBackend());
    } catch {
      // Not installed or not loadable here: nothing to compare.
    }
  }
  return [...names];
}

export function relativeError(actual: ArrayLike<number>, expected: ArrayLike<number>): number {
  if (actual.length !== expected.length) return Infinity;
  let worst = 0;
  let scale = 0;
  for (let i = 0; i < expected.length; i++) {
    worst = Math.max(worst, Math.abs(actual[i]! - expected[i]!));
    scale = Math.max(scale, Math.abs(expected[i]!));
  }
  if (Number.isNaN(worst)) return Infinity;
  return worst === 0 ? 0 : worst / scale;
}

interface Evaluation {
  forward: Float32Array;
  gradients: Float32Array[];
}

function evaluate(op: OpCheck['op'], values: Float32Array[], shapes: OpCheck['inputs'], projection: Float32Array): Evaluation {
  return tf.tidy(() => {
    const inputs = values.map((v, i) => tf.tensor(v, shapes[i] as number[]));
    const y = op(...inputs);
    const r = tf.tensor(projection, y.shape);
    const gradients = tf.grads((...xs: tf.Tensor[]) => op(...xs))(inputs, r);
    return { forward: y.dataSync() as Float32Array, gradients: gradients.map((g) => g.dataSync() as Float32Array) };
  });
}

/** L = Σ r·op(inputs), summed in float64. */
function projectedLoss(op: OpCheck['op'], values: Float32Array[], shapes: OpCheck['inputs'], projection: Float32Array): number {
  const y = tf.tidy(() => op(...values.map((v, i) => tf.tensor(v, shapes[i] as number[]))).dataSync());
  let loss = 0;
  for (let i = 0; i < y.length; i++) loss += projection[i]! * y[i]!;
  return loss;
}

function sampledCoordinates(size: number, samples: number, random: () => number): number[] {
  if (size <= samples) return Array.from({ length: size }, (_, i) => i);
  const picked = new Set<number>();
  while (picked.size < samples) picked.add(Math.floor(random() * size));
  return [...picked];
}

function finiteDifferenceErrors(check: OpCheck, values: Float32Array[], projection: Float32Array, gradients: Float32Array[], random: () => number): number[] {
  const { step = 1e-2 } = check;
  const stepAt = typeof step === 'function' ? step : () => step;
  return values.map((value, input) => {
    const coordinates = sampledCoordinates(value.length, check.samples ?? 12, random);
    const differences = coordinates.map((j) => {
      const plus = value.slice();
      const minus = value.slice();
      plus[j] = value[j]! + stepAt(value[j]!);
      minus[j] = value[j]! - stepAt(value[j]!);
      const at = (v: Float32Array) => projectedLoss(check.op, values.map((w, k) => (k === input ? v : w)), check.inputs, projection);
      return (at(plus) - at(minus)) / (plus[j]! - minus[j]!);
    });
    // Scaled by the whole gradient, so a coordinate whose gradient is near zero does not dominate.
    const scale = Math.max(...gradients[input]!.map(Math.abs));
    const worst = Math.max(0, ...coordinates.map((j, k) => Math.abs(differences[k]! - gradients[input]![j]!)));
    return worst === 0 ? 0 : Number.isNaN(worst) ? Infinity : worst / scale;
  });
}

export async function checkOp(check: OpCheck, backends: readonly string[]): Promise<BackendErrors[]> {
  const random = mulberry32(check.seed ?? 1);
  const draw = check.values ?? ((size: number) => Float32Array.from({ length: size }, () => 2 * random() - 1));
  const values = check.inputs.map((shape, i) => draw(shape.reduce((a, b) => a * b, 1), i, random));
  await tf.setBackend('cpu');
  const outputSize = tf.tidy(() => check.op(...values.map((v, i) => tf.tensor(v, check.inputs[i] as number[]))).size);
  const projection = Float32Array.from({ length: outputSize }, () => 2 * random() - 1);
  const expected = evaluate(check.reference ?? check.op, values, check.inputs, projection);
  const results: BackendErrors[] = [];
  for (const backend of backends) {
    if (!(await tf.setBackend(backend))) throw new Error(`backend ${backend} did not initialise`);
    const actual = evaluate(check.op, values, check.inputs, projection);
    results.push({
      backend,
      forward: relativeError(actual.forward, expected.forward),
      gradients: actual.gradients.map((g, i) => relativeError(g, expected.gradients[i]!)),
      finiteDifferences: finiteDifferenceErrors(check, values, projection, actual.gradients, random),
    });
  }
  return results;
}
