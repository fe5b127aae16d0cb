import '@tensorflow/tfjs-backend-cpu';
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { createMENet } from './branches';
import { onsetDifference } from './motion-input';
import { ParamStore } from './params';
import { litePreset, paperPreset, type ModelConfig } from './presets';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const tiny: ModelConfig = { ...litePreset, frames: 3, meInput: 32, widths: [2, 4, 4, 8], emotionClasses: 3, identityClasses: 4 };

/** A clip with motion, and the same motion on another face: a static image added to every frame. */
function clipAndOtherFace(): { clip: tf.Tensor5D; otherFace: tf.Tensor5D } {
  const clip = tf.randomUniform([2, tiny.frames, 32, 32, 3], 0, 1, 'float32', 1) as tf.Tensor5D;
  const face = tf.randomUniform([2, 1, 32, 32, 3], -1, 1, 'float32', 2);
  return { clip, otherFace: tf.add(clip, face) };
}

function logitsOf(config: ModelConfig, x: tf.Tensor5D): Float32Array {
  const store = new ParamStore();
  const logits = createMENet(config, store, 7).apply(x, 'eval').logits.dataSync() as Float32Array;
  store.dispose();
  return logits;
}

describe('what MENet sees', () => {
  it('the onset difference zeroes the first frame and keeps each later frame’s change from it', () => {
    const x = tf.tensor5d([1, 2, 4, 7, 0, 10], [1, 3, 1, 2, 1]);
    expect(Array.from(onsetDifference(x).dataSync())).toEqual([0, 0, 3, 5, -1, 8]);
  });

  it('with the onset difference, the face (whatever is the same in every frame) cannot change the prediction', () => {
    const { clip, otherFace } = clipAndOtherFace();
    const config: ModelConfig = { ...tiny, motionInput: 'onset-difference' };
    const a = logitsOf(config, clip);
    const b = logitsOf(config, otherFace);
    a.forEach((v, i) => expect(b[i]).toBeCloseTo(v, 4));
  });

  it('with frames, as in the paper, it can', () => {
    const { clip, otherFace } = clipAndOtherFace();
    const config: ModelConfig = { ...tiny, motionInput: 'frames' };
    const a = logitsOf(config, clip);
    const b = logitsOf(config, otherFace);
    expect(Math.max(...a.map((v, i) => Math.abs(v - b[i]!)))).toBeGreaterThan(1e-3);
  });

  it('the paper preset sees frames; the lite preset, differences', () => {
    expect(paperPreset.motionInput).toBe('frames');
    expect(litePreset.motionInput).toBe('onset-difference');
  });
});
