import { tmpdir } from 'node:os';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { ablationRows, TrainingConfig } from '../../src/shared/api/training';
import { planStages, type StagePlan } from '../../src/shared/domain/training';
import { selectBackend } from '../../src/main/ml/tf/backend';
import { Adam } from '../../src/main/ml/train/adam';
import { randomBatch } from '../../src/main/ml/train/random-batch';
import { buildNetworks } from '../../src/main/ml/train/networks';
import { trainStep } from '../../src/main/ml/train/train-step';
import { runFold } from '../../src/main/ml/train/fold-runner';
import type { Batch, NetworkName, Networks } from '../../src/main/ml/train/types';
import { MarginalMovingAverage } from '../../src/main/ml/losses/mine';

const config = TrainingConfig.parse({
  projectId: 1,
  preprocessing: { frames: 4 },
  model: { preset: 'lite', meInput: 16, idInput: 8, widths: [4, 4, 8, 8] },
  training: { learningRate: 0.01 },
});

beforeAll(async () => {
  await selectBackend('cpu');
});

/** Four clips of 4 frames at the tiny sizes; classes cycle 0,1 and subjects 0,1,2. */
const tinyBatch = (seed: number): Batch => randomBatch({ size: 4, frames: 4, meInput: 16, idInput: 8, classes: 2, subjects: 3 }, seed);

function valuesOf(nets: Networks, network: NetworkName): Map<string, Float32Array> {
  return new Map(Object.entries(nets.variables()).filter(([n]) => n.startsWith(`${network}/`)).map(([n, v]) => [n, v.dataSync() as Float32Array]));
}

const sameValues = (a: Map<string, Float32Array>, b: Map<string, Float32Array>) => [...a].every(([n, v]) => Buffer.from(v.buffer).equals(Buffer.from(b.get(n)!.buffer)));

function step(nets: Networks, stage: StagePlan) {
  const optimisers = {
    branch: new Adam(nets.trainable(stage.trains), { learningRate: 0.01 }),
    mine: stage.adversary ? new Adam(nets.trainable('mine'), { learningRate: 0.01 }) : null,
    correction: stage.adversary ? new MarginalMovingAverage() : null,
  };
  const batch = tinyBatch(stage.stage);
  const result = trainStep(nets, stage, batch, optimisers, [1, 2, 3, 0]);
  tf.dispose([batch.me, batch.id]);
  return result;
}

describe('one training step of each stage changes exactly the intended networks', () => {
  const plan = planStages(config);
  for (const stage of plan) {
    it(`stage ${stage.stage} trains ${stage.trains}${stage.frozen.length ? `; ${stage.frozen.join(', ')} stays bit-identical` : ''}`, () => {
      const nets = buildNetworks(config, { emotionClasses: 2, identityClasses: 3 }, 7);
      const before = { menet: valuesOf(nets, 'menet'), idnet: valuesOf(nets, 'idnet'), mine: valuesOf(nets, 'mine') };
      const { losses } = step(nets, stage);
      const after = { menet: valuesOf(nets, 'menet'), idnet: valuesOf(nets, 'idnet'), mine: valuesOf(nets, 'mine') };
      expect(sameValues(before[stage.trains], after[stage.trains])).toBe(false);
      for (const frozen of stage.frozen) expect(sameValues(before[frozen], after[frozen])).toBe(true);
      expect(sameValues(before.mine, after.mine)).toBe(!stage.adversary);
      expect(Object.keys(losses)).toContain(stage.trains === 'menet' ? 'ce_e' : 'ce_d');
      if (stage.loss.mutualInformation !== undefined) expect(Number.isFinite(losses['mi'])).toBe(true);
      nets.dispose();
    });
  }

  it('rows without decoupling build neither IDNet nor MINE', () => {
    for (const row of [1, 2, 3] as const) {
      const nets = buildNetworks({ ...config, ablation: ablationRows[row] }, { emotionClasses: 2, identityClasses: 3 }, 7);
      expect(nets.idnet).toBeNull();
      expect(nets.mine).toBeNull();
      expect(Object.keys(nets.variables()).filter((n) => !n.startsWith('menet/'))).toEqual([]);
      nets.dispose();
    }
  });

  it('a row without DAO builds no attention variables and computes no divergence term', () => {
    const nets = buildNetworks({ ...config, ablation: ablationRows[4] }, { emotionClasses: 2, identityClasses: 3 }, 7);
    expect(Object.keys(nets.variables()).filter((n) => /dao/i.test(n))).toEqual([]);
    const stage = planStages({ ...config, ablation: ablationRows[4] })[1]!;
    expect(step(nets, stage).losses['div']).toBeUndefined();
    nets.dispose();
  });
});

describe('a loss that stops being a number', () => {
  it('stops the fold with a message naming the stage and the epoch', async () => {
    const nets = buildNetworks(config, { emotionClasses: 2, identityClasses: 3 }, 7);
    const plan = planStages(config);
    const poisoned = async function* (): AsyncGenerator<Batch> {
      const batch = tinyBatch(1);
      yield { ...batch, me: tf.mul(batch.me, Number.NaN) as tf.Tensor5D };
    };
    const data = { train: [1, 2, 3, 4], validation: [], test: [5], batches: () => poisoned() };
    const run = runFold({
      config, plan: plan.slice(1), fold: 0, nets, data, checkpointFile: path.join(tmpdir(), `mer-nan-${process.pid}.bin`), resume: null,
      hooks: { progress: () => Promise.resolve(), epochDone: () => undefined },
    });
    await expect(run).rejects.toThrow(/^The (loss \w+ became NaN|values of the input clips stopped being numbers) in stage 2, epoch 1 \(fold 1\); lower the learning rate or check the data$/);
    nets.dispose();
  });
});
