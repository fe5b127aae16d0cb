import * as tf from '@tensorflow/tfjs-core';
import type { Branch } from '../nn/backbone';
import type { Batch } from './types';

export interface SamplePrediction {
  sampleId: number;
  trueClass: number;
  predictedClass: number;
  probabilities: number[];
}

/** MENet's predictions (eval mode: running statistics, no augmentation) for every batch given. */
export async function predict(menet: Branch, batches: AsyncIterable<Batch>, onBatch?: () => Promise<void>): Promise<SamplePrediction[]> {
  const out: SamplePrediction[] = [];
  for await (const batch of batches) {
    try {
      const probabilities = tf.tidy(() => tf.softmax(menet.apply(batch.me, 'eval').logits));
      const values = await probabilities.data();
      const classes = probabilities.shape[1]!;
      probabilities.dispose();
      batch.sampleIds.forEach((sampleId, i) => {
        const row = Array.from(values.subarray(i * classes, (i + 1) * classes));
        let best = 0;
        for (let c = 1; c < classes; c++) if (row[c]! > row[best]!) best = c;
        out.push({ sampleId, trueClass: batch.emotion[i]!, predictedClass: best, probabilities: row });
      });
    } finally {
      tf.dispose([batch.me, batch.id]);
    }
    await onBatch?.();
  }
  return out;
}

export function accuracyOf(predictions: readonly SamplePrediction[]): number | null {
  if (predictions.length === 0) return null;
  return predictions.filter((p) => p.predictedClass === p.trueClass).length / predictions.length;
}
