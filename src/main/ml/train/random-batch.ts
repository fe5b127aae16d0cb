import * as tf from '@tensorflow/tfjs-core';
import { makeRng } from '../../../shared/domain/random';
import type { Batch } from './types';

export interface BatchShape {
  size: number;
  frames: number;
  meInput: number;
  idInput: number;
  classes: number;
  subjects: number;
}

/** A batch of seeded standard-normal clips with labels cycling over the classes: for timing and step tests. */
export function randomBatch(shape: BatchShape, seed: number): Batch {
  const { size, frames, meInput, idInput, classes, subjects } = shape;
  const rng = makeRng(seed);
  const values = (n: number) => Float32Array.from({ length: n }, () => rng.normal());
  return {
    me: tf.tensor5d(values(size * frames * meInput * meInput * 3), [size, frames, meInput, meInput, 3]),
    id: tf.tensor5d(values(size * frames * idInput * idInput * 3), [size, frames, idInput, idInput, 3]),
    emotion: Int32Array.from({ length: size }, (_, i) => i % classes),
    subject: Int32Array.from({ length: size }, (_, i) => i % subjects),
    sampleIds: Array.from({ length: size }, (_, i) => i),
  };
}
