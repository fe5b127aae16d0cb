import '@tensorflow/tfjs-backend-cpu';
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { createIDNet, createMENet } from './branches';
import { createMine } from './mine';
import { ParamStore } from './params';
import { litePreset, paperPreset, type ModelConfig } from './presets';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/**
 * Trainable parameters counted from MODEL.md's tables by hand: bias-free convs each followed by a
 * BN (gamma, beta); two basic blocks per stage, a 1x1x1 conv + BN shortcut where the stride
 * (first block of stages 2 and 3) or the width (first block of stages 2, 3, 4) changes; attention
 * after stage 3; FC with bias. `kt` is the temporal kernel: MENet k x k x k, IDNet 1 x k x k.
 */
function expectedBranchParams(widths: readonly number[], temporal: boolean, classes: number, attention: 'dao' | 'global' | null, frames: number): number {
  const bn = (c: number) => 2 * c;
  const conv = (k: number, ci: number, co: number) => (temporal ? k : 1) * k * k * ci * co;
  let total = conv(7, 3, widths[0]!) + bn(widths[0]!);
  let channels = widths[0]!;
  for (let stage = 0; stage < 4; stage++) {
    const width = widths[stage]!;
    for (let block = 0; block < 2; block++) {
      const strided = block === 0 && (stage === 1 || stage === 2);
      total += conv(3, channels, width) + bn(width) + conv(3, width, width) + bn(width);
      if (strided || channels !== width) total += channels * width + bn(width);
      channels = width;
    }
  }
  const c3 = widths[2]!;
  if (attention === 'dao') total += (frames - 1) * c3 + bn(c3); // a 1x1 conv C->1 per step k >= 1, residual BN
  if (attention === 'global') total += bn(c3); // parameter-free maps, residual BN
  return total + widths[3]! * classes + classes;
}

/** Table 3: (projections to w/2,) concat -> FC hidden -> FC 1, all with bias. */
function expectedMineParams(width: number, hidden: number, projection: boolean): number {
  const dense = (i: number, o: number) => i * o + o;
  const perFeature = projection ? width / 2 : width;
  return (projection ? 2 * dense(width, perFeature) : 0) + dense(2 * perFeature, hidden) + dense(hidden, 1);
}

function build(config: ModelConfig): ParamStore {
  const store = new ParamStore();
  createMENet(config, store, 1);
  createIDNet(config, store, 2);
  createMine(config, store, 3);
  return store;
}

describe('parameter counts match the tables of MODEL.md', () => {
  it.each([
    ['paper', paperPreset],
    ['lite', litePreset],
    ['lite without DAO, literal MINE', { ...litePreset, dao: false, mineProjection: true }],
  ] as const)('%s', (_name, config) => {
    const store = build(config);
    const { widths, frames } = config;
    expect(store.parameterCount('menet')).toBe(expectedBranchParams(widths, true, config.emotionClasses, config.dao ? 'dao' : null, frames));
    expect(store.parameterCount('idnet')).toBe(expectedBranchParams(widths, false, config.identityClasses, 'global', frames));
    expect(store.parameterCount('mine')).toBe(expectedMineParams(widths[3], config.mineHidden, config.mineProjection));
    store.dispose();
  });
});

describe('the parameter store', () => {
  const tiny: ModelConfig = { ...litePreset, frames: 3, widths: [2, 4, 4, 8], emotionClasses: 3, identityClasses: 4 };

  it('keeps batch-norm running statistics out of what an optimiser trains', () => {
    const store = build(tiny);
    const trainable = new Set(store.trainable('menet'));
    const running = store.names('menet').filter((n) => n.includes('running_'));
    expect(running.length).toBeGreaterThan(0);
    for (const name of running) expect(trainable.has(store.get(name))).toBe(false);
    expect(store.names().every((n) => /^(menet|idnet|mine)\//.test(n))).toBe(true);
    store.dispose();
  });

  it('initialises identically from the same seed and differently from another', () => {
    const a = new ParamStore();
    const b = new ParamStore();
    const c = new ParamStore();
    createMENet(tiny, a, 7);
    createMENet(tiny, b, 7);
    createMENet(tiny, c, 8);
    const kernel = 'menet/stage2/block1/conv1/conv/kernel';
    expect(Array.from(a.get(kernel).dataSync())).toEqual(Array.from(b.get(kernel).dataSync()));
    expect(Array.from(a.get(kernel).dataSync())).not.toEqual(Array.from(c.get(kernel).dataSync()));
    [a, b, c].forEach((s) => s.dispose());
  });

  it('draws conv kernels He-normal: mean 0, standard deviation sqrt(2 / fan_in)', () => {
    const store = new ParamStore();
    createMENet(litePreset, store, 1);
    // stage 4's second conv: 3x3x3x128x128 = 442,368 draws, so the sample std is within ~0.2 %.
    const values = Array.from(store.get('menet/stage4/block2/conv1/conv/kernel').dataSync());
    const mean = values.reduce((s, v) => s + v, 0) / values.length;
    const std = Math.sqrt(values.reduce((s, v) => s + (v - mean) ** 2, 0) / values.length);
    const expected = Math.sqrt(2 / (27 * 128));
    expect(Math.abs(mean)).toBeLessThan(0.01 * expected);
    expect(std / expected).toBeGreaterThan(0.99);
    expect(std / expected).toBeLessThan(1.01);
    store.dispose();
  });

  it('restores a snapshot, one network at a time', () => {
    const store = build(tiny);
    const saved = store.snapshot('idnet');
    expect(Object.keys(saved).every((n) => n.startsWith('idnet/'))).toBe(true);
    const name = 'idnet/classifier/kernel';
    const before = Array.from(store.get(name).dataSync());
    store.get(name).assign(tf.zerosLike(store.get(name)));
    store.restore(saved);
    expect(Array.from(store.get(name).dataSync())).toEqual(before);
    tf.dispose(Object.values(saved));
    store.dispose();
  });

  it('refuses a checkpoint with an unknown name or a wrong shape, and assigns nothing', () => {
    const store = build(tiny);
    const name = 'mine/out/bias';
    const good = tf.fill([1], 5);
    expect(() => store.restore({ [name]: good, 'mine/extra': tf.zeros([1]) })).toThrow(/mine\/extra/);
    expect(() => store.restore({ [name]: good, 'mine/out/kernel': tf.zeros([3, 1]) })).toThrow(/\[64, 1\] here but \[3, 1\]/);
    expect(store.get(name).dataSync()[0]).toBe(0);
    store.dispose();
  });

  it('refuses a parameter defined twice', () => {
    const store = new ParamStore();
    createMine(tiny, store, 1);
    expect(() => createMine(tiny, store, 1)).toThrow(/defined twice/);
    store.dispose();
  });
});
