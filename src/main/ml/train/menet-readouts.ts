import * as tf from '@tensorflow/tfjs-core';
import type { Branch } from '../nn/backbone';
import type { Batch } from './types';

/** What diagnostics read from MENet besides its predictions: pooled features and DAO maps (eval mode). */

export interface PooledFeatures {
  sampleIds: number[];
  /** One pooled last-stage vector (fe) per sample. */
  features: Float32Array[];
}

/** MENet's pooled features of every batch; the batches' tensors are disposed. */
export async function pooledFeatures(menet: Branch, batches: AsyncIterable<Batch>): Promise<PooledFeatures> {
  const out: PooledFeatures = { sampleIds: [], features: [] };
  for await (const batch of batches) {
    try {
      const features = tf.tidy(() => menet.apply(batch.me, 'eval').features);
      const values = await features.data<'float32'>();
      const width = features.shape[1];
      features.dispose();
      batch.sampleIds.forEach((id, i) => {
        out.sampleIds.push(id);
        out.features.push(values.slice(i * width, (i + 1) * width));
      });
    } finally {
      tf.dispose([batch.me, batch.id]);
    }
  }
  return out;
}

export interface SampleAttention {
  sampleId: number;
  predictedClass: number;
  height: number;
  width: number;
  /** maps[t]: DAO's softmax over the height x width positions at time step t, row-major; sums to 1. */
  maps: number[][];
}

/** Four significant digits: a map stays small in storage and still sums to 1 within 1e-3. */
const stored = (v: number) => Number(v.toPrecision(4));

/**
 * DAO's spatial attention maps (and the predicted class) of every sample of the batches; null when
 * this MENet has no DAO. The batches' tensors are disposed.
 */
export async function attentionOf(menet: Branch, batches: AsyncIterable<Batch>): Promise<SampleAttention[] | null> {
  const out: SampleAttention[] = [];
  for await (const batch of batches) {
    try {
      const read = tf.tidy(() => {
        const result = menet.apply(batch.me, 'eval');
        return result.maps ? [result.maps, tf.argMax(result.logits, 1)] : [];
      });
      if (read.length === 0) return null;
      const [maps, predicted] = read as [tf.Tensor4D, tf.Tensor1D];
      const [n, t, h, w] = maps.shape;
      const values = await maps.data<'float32'>();
      const classes = await predicted.data<'int32'>();
      tf.dispose([maps, predicted]);
      for (let i = 0; i < n; i++) {
        const perStep = Array.from({ length: t }, (_, k) => Array.from(values.subarray((i * t + k) * h * w, (i * t + k + 1) * h * w), stored));
        out.push({ sampleId: batch.sampleIds[i]!, predictedClass: classes[i]!, height: h, width: w, maps: perStep });
      }
    } finally {
      tf.dispose([batch.me, batch.id]);
    }
  }
  return out;
}
