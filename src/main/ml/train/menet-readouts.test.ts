import '@tensorflow/tfjs-backend-cpu';
import '../tf/gradients';
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { createMENet } from '../nn/branches';
import { ParamStore } from '../nn/params';
import { litePreset, type ModelConfig } from '../nn/presets';
import { attentionOf, pooledFeatures } from './menet-readouts';
import { randomBatch } from './random-batch';
import type { Batch } from './types';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** 64 x 64 input: stage 3 (where DAO sits) has a 4 x 4 map. */
const config: ModelConfig = { ...litePreset, frames: 3, meInput: 64, idInput: 16, widths: [2, 4, 4, 8], emotionClasses: 3, identityClasses: 2 };

/** Two batches (3 + 2 samples) with ids 10.. so order and ids can be checked. */
function twoBatches(): Batch[] {
  const shape = { frames: config.frames, meInput: config.meInput, idInput: config.idInput, classes: 3, subjects: 2 };
  const first = randomBatch({ ...shape, size: 3 }, 1);
  const second = randomBatch({ ...shape, size: 2 }, 2);
  return [{ ...first, sampleIds: [10, 11, 12] }, { ...second, sampleIds: [13, 14] }];
}

async function* iterate(batches: Batch[]): AsyncGenerator<Batch> {
  for (const b of batches) yield b;
}

/** What MENet gives for one batch directly: the per-step maps as [N][T][H*W], the predicted classes, the features. */
function direct(menet: ReturnType<typeof createMENet>, batch: Batch) {
  return tf.tidy(() => {
    const out = menet.apply(batch.me, 'eval');
    const [n, t, h, w] = out.maps!.shape;
    return {
      maps: (out.maps!.reshape([n, t, h * w]).arraySync() as number[][][]),
      predicted: Array.from(tf.argMax(out.logits, 1).dataSync()),
      features: out.features.arraySync(),
    };
  });
}

describe('reading attention maps and pooled features from MENet', () => {
  it('gives each sample T probability maps of stage 3 size (each sums to 1), the predicted class, in batch order', async () => {
    const menet = createMENet(config, new ParamStore(), 3);
    const batches = twoBatches();
    const expected = batches.map((b) => direct(menet, b));
    const read = (await attentionOf(menet, iterate(batches)))!;
    expect(read.map((a) => a.sampleId)).toEqual([10, 11, 12, 13, 14]);
    for (const [i, a] of read.entries()) {
      expect([a.height, a.width]).toEqual([4, 4]);
      expect(a.maps).toHaveLength(config.frames);
      const want = i < 3 ? { maps: expected[0]!.maps[i]!, predicted: expected[0]!.predicted[i] } : { maps: expected[1]!.maps[i - 3]!, predicted: expected[1]!.predicted[i - 3] };
      expect(a.predictedClass).toBe(want.predicted);
      a.maps.forEach((map, t) => {
        expect(map).toHaveLength(16);
        expect(map.every((v) => v >= 0)).toBe(true);
        expect(Math.abs(map.reduce((s, v) => s + v, 0) - 1)).toBeLessThan(1e-3);
        // Stored to four significant digits of MENet's own map.
        map.forEach((v, k) => expect(v).toBeCloseTo(want.maps[t]![k]!, 4));
      });
    }
    // The batches' tensors were released.
    expect(batches.every((b) => b.me.isDisposed && b.id.isDisposed)).toBe(true);
  });

  it('says there is nothing to read from a MENet without DAO (ablation rows 1 and 4)', async () => {
    const menet = createMENet({ ...config, dao: false }, new ParamStore(), 3);
    const batches = twoBatches();
    expect(await attentionOf(menet, iterate(batches))).toBeNull();
    expect(batches[0]!.me.isDisposed).toBe(true);
  });

  it('pools one last-stage vector per sample, the features MENet classifies', async () => {
    const menet = createMENet(config, new ParamStore(), 3);
    const batches = twoBatches();
    const expected = batches.flatMap((b) => direct(menet, b).features);
    const { sampleIds, features } = await pooledFeatures(menet, iterate(batches));
    expect(sampleIds).toEqual([10, 11, 12, 13, 14]);
    expect(features.map((f) => f.length)).toEqual([8, 8, 8, 8, 8]);
    features.forEach((f, i) => Array.from(f).forEach((v, d) => expect(v).toBeCloseTo(expected[i]![d]!, 5)));
  });
});
