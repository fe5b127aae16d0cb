import '@tensorflow/tfjs-backend-cpu';
import '../tf/gradients';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { Adam } from './adam';
import { readCheckpoint, writeCheckpoint } from './checkpoint-file';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** Minimises a quadratic bowl with Adam and returns the weights after `steps` steps. */
function descend(adam: Adam, w: tf.Variable, steps: number): void {
  const target = tf.tensor1d([3, -2, 0.5]);
  for (let i = 0; i < steps; i++) {
    const { grads } = tf.variableGrads(() => tf.sum(tf.square(tf.sub(w, target))), [w]);
    adam.apply(grads);
    tf.dispose(grads);
  }
  target.dispose();
}

describe('Adam and checkpoints', () => {
  it('matches the textbook first step: each weight moves by the learning rate against its gradient sign', () => {
    const w = tf.variable(tf.tensor1d([0, 0, 0]));
    const adam = new Adam({ w }, { learningRate: 0.1 });
    descend(adam, w, 1);
    // With bias correction, step 1 is lr * g / (|g| + eps) = lr * sign(g).
    const got = Array.from(w.dataSync());
    expect(got[0]).toBeCloseTo(0.1, 6);
    expect(got[1]).toBeCloseTo(-0.1, 6);
    expect(got[2]).toBeCloseTo(0.1, 6);
  });

  it('converges on a quadratic', () => {
    const w = tf.variable(tf.tensor1d([0, 0, 0]));
    descend(new Adam({ w }, { learningRate: 0.05 }), w, 600);
    const got = Array.from(w.dataSync());
    expect(got.map((x) => Math.round(x * 100) / 100)).toEqual([3, -2, 0.5]);
  });

  it('a run stopped, checkpointed and resumed takes bit-identical steps to one that never stopped', async () => {
    const straight = tf.variable(tf.tensor1d([1, 1, 1]));
    descend(new Adam({ w: straight }, { learningRate: 0.01 }), straight, 20);

    const dir = mkdtempSync(path.join(tmpdir(), 'mer-ckpt-'));
    const file = path.join(dir, 'checkpoint.bin');
    const first = tf.variable(tf.tensor1d([1, 1, 1]));
    const adam = new Adam({ w: first }, { learningRate: 0.01 });
    descend(adam, first, 8);
    const { step, tensors } = adam.state();
    await writeCheckpoint(file, { step }, { w: first, ...tensors });

    const loaded = readCheckpoint<{ step: number }>(file);
    const resumed = tf.variable(loaded.tensors['w']!);
    const adam2 = new Adam({ w: resumed }, { learningRate: 0.01 });
    adam2.restore(loaded.state.step, loaded.tensors);
    descend(adam2, resumed, 12);
    expect(Array.from(resumed.dataSync())).toEqual(Array.from(straight.dataSync()));
  });

  it('refuses a damaged checkpoint with a message naming the file', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'mer-ckpt-'));
    const file = path.join(dir, 'checkpoint.bin');
    await writeCheckpoint(file, { any: 1 }, { a: tf.ones([1000]) });
    const bytes = readFileSync(file);
    writeFileSync(file, bytes.subarray(0, bytes.byteLength - 100));
    expect(() => readCheckpoint(file)).toThrow(`The checkpoint ${file} is damaged (tensor a is cut short)`);
  });
});
