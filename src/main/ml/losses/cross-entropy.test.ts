import '@tensorflow/tfjs-backend-cpu';
import '../tf/gradients';
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { softmaxCrossEntropy } from './cross-entropy';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('softmax cross-entropy from integer labels', () => {
  const logits = tf.tensor2d([
    [1, 2, 3],
    [0, 0, 0],
  ]);

  it('matches a hand computation', () => {
    // Row 1, label 0: log(e + e^2 + e^3) - 1. Row 2, label 2: log 3 (uniform over 3 classes).
    const row1 = Math.log(Math.E + Math.E ** 2 + Math.E ** 3) - 1;
    const row2 = Math.log(3);
    expect(softmaxCrossEntropy(logits, [0, 2]).dataSync()[0]).toBeCloseTo((row1 + row2) / 2, 5);
  });

  it('takes labels as an int tensor too', () => {
    const fromArray = softmaxCrossEntropy(logits, [2, 1]).dataSync()[0];
    expect(softmaxCrossEntropy(logits, tf.tensor1d([2, 1], 'int32')).dataSync()[0]).toBeCloseTo(fromArray!, 6);
  });

  it('has the gradient (softmax - one-hot) / N', () => {
    const grad = tf.grad((x: tf.Tensor) => softmaxCrossEntropy(x as tf.Tensor2D, [0, 2]))(logits);
    const expected = tf.div(tf.sub(tf.softmax(logits), tf.oneHot([0, 2], 3)), 2);
    const got = grad.dataSync();
    expected.dataSync().forEach((e, i) => expect(got[i]).toBeCloseTo(e, 6));
  });

  it('stays finite for logits far beyond exp range', () => {
    const loss = softmaxCrossEntropy(tf.tensor2d([[1000, 0]]), [1]).dataSync()[0];
    expect(loss).toBeCloseTo(1000, 2);
  });

  it('refuses a label count that does not match the batch', () => {
    expect(() => softmaxCrossEntropy(logits, [0])).toThrow(/2 logits rows but 1 labels/);
  });
});
