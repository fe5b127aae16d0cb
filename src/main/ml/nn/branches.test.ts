import '@tensorflow/tfjs-backend-cpu';
import '../tf/gradients';
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { divergenceLoss } from '../losses/divergence';
import { softmaxCrossEntropy } from '../losses/cross-entropy';
import { backboneLayout, type BranchName } from './architecture';
import type { Branch } from './backbone';
import { createIDNet, createMENet } from './branches';
import { createMine } from './mine';
import { ParamStore } from './params';
import { litePreset, type ModelConfig } from './presets';
import { inferShapes, type LayerName } from './shapes';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** Small enough to run in milliseconds, large enough that stage 3 still has a 2 x 2 map. */
const tiny: ModelConfig = { ...litePreset, frames: 3, meInput: 32, idInput: 16, widths: [2, 4, 4, 8], emotionClasses: 3, identityClasses: 4 };

function clip(config: ModelConfig, branch: BranchName, n: number, seed = 1): tf.Tensor5D {
  const size = branch === 'menet' ? config.meInput : config.idInput;
  return tf.randomUniform([n, config.frames, size, size, 3], 0, 1, 'float32', seed) as tf.Tensor5D;
}

function build(config: ModelConfig, branch: BranchName, seed = 1): { store: ParamStore; net: Branch } {
  const store = new ParamStore();
  const net = branch === 'menet' ? createMENet(config, store, seed) : createIDNet(config, store, seed);
  return { store, net };
}

describe('layer shapes of the built networks agree with shape inference', () => {
  it.each([
    ['tiny', 'menet', tiny, 2],
    ['tiny', 'idnet', tiny, 2],
    ['lite', 'menet', litePreset, 1],
    ['lite', 'idnet', litePreset, 1],
  ] as const)('%s %s', (_name, branch, config, n) => {
    const { store, net } = build(config, branch);
    const seen: { layer: LayerName; shape: number[] }[] = [];
    const out = net.apply(clip(config, branch, n), 'eval', (layer, t) => seen.push({ layer, shape: t.shape }));
    const expected = inferShapes(backboneLayout(config, branch)).map((l) => ({ layer: l.layer, shape: [n, ...l.shape] }));
    expect(seen).toEqual(expected);
    const classes = branch === 'menet' ? config.emotionClasses : config.identityClasses;
    expect(out.logits.shape).toEqual([n, classes]);
    expect(out.features.shape).toEqual([n, config.widths[3]]);
    const stage3 = expected.find((l) => l.layer === 'stage3')!.shape;
    expect(out.maps?.shape).toEqual(stage3.slice(0, 4));
    store.dispose();
  });
});

describe('MENet', () => {
  it('gives one probability map per time step', () => {
    const { store, net } = build(tiny, 'menet');
    const sums = tf.tidy(() => tf.sum(net.apply(clip(tiny, 'menet', 2), 'eval').maps!, [2, 3]));
    expect(sums.shape).toEqual([2, tiny.frames]);
    for (const s of sums.dataSync()) expect(s).toBeCloseTo(1, 5);
    store.dispose();
  });

  it('DAO starts as the identity (its BN scale is 0), in both modes', () => {
    const { store, net } = build(tiny, 'menet');
    for (const mode of ['train', 'eval'] as const) {
      const seen = new Map<LayerName, Float32Array>();
      const out = net.apply(clip(tiny, 'menet', 2), mode, (layer, t) => seen.set(layer, t.dataSync() as Float32Array));
      expect(Array.from(seen.get('attention')!)).toEqual(Array.from(seen.get('stage3')!));
      store.applyStateUpdates(out.stateUpdates);
    }
    store.dispose();
  });

  it('without DAO builds no attention variables and returns no maps', () => {
    const config = { ...tiny, dao: false };
    const { store, net } = build(config, 'menet');
    expect(store.names('menet').filter((n) => n.includes('attention'))).toEqual([]);
    expect(net.apply(clip(config, 'menet', 2), 'eval').maps).toBeNull();
    store.dispose();
  });

  it('refuses a clip with the wrong number of frames', () => {
    const { store, net } = build(tiny, 'menet');
    const wrong = tf.zeros([1, tiny.frames + 1, tiny.meInput, tiny.meInput, 3]) as tf.Tensor5D;
    expect(() => net.apply(wrong, 'eval')).toThrow(/expects \[N, 3, H, W, 3\]/);
    store.dispose();
  });
});

describe('train and eval modes', () => {
  it('eval is deterministic and changes no state', () => {
    const { store, net } = build(tiny, 'menet');
    const x = clip(tiny, 'menet', 2);
    const first = net.apply(x, 'eval');
    const second = net.apply(x, 'eval');
    expect(Array.from(second.logits.dataSync())).toEqual(Array.from(first.logits.dataSync()));
    expect(first.stateUpdates).toEqual([]);
    store.dispose();
  });

  it('train returns batch-norm updates for every running statistic without applying them', () => {
    const { store, net } = build(tiny, 'idnet');
    const x = clip(tiny, 'idnet', 2);
    const before = net.apply(x, 'eval').logits.dataSync();
    const out = net.apply(x, 'train');
    const running = store.names('idnet').filter((n) => n.includes('running_')).map((n) => store.get(n));
    expect(new Set(out.stateUpdates.map((u) => u.variable))).toEqual(new Set(running));
    // Nothing applied yet: eval still gives the same logits.
    expect(Array.from(net.apply(x, 'eval').logits.dataSync())).toEqual(Array.from(before));
    const mean = store.get('idnet/conv0/bn/running_mean');
    const update = out.stateUpdates.find((u) => u.variable === mean)!;
    const expected = Array.from(update.value.dataSync());
    store.applyStateUpdates(out.stateUpdates);
    expect(Array.from(mean.dataSync())).toEqual(expected);
    expect(Array.from(net.apply(x, 'eval').logits.dataSync())).not.toEqual(Array.from(before));
    store.dispose();
  });

  it('a train pass whose updates are not wanted leaks nothing inside tf.tidy', () => {
    const { store, net } = build(tiny, 'menet');
    const x = clip(tiny, 'menet', 2);
    const before = tf.memory().numTensors;
    tf.tidy(() => {
      net.apply(x, 'train');
    });
    expect(tf.memory().numTensors).toBe(before);
    store.dispose();
  });

  it('a training loss reaches every trainable weight, and a step leaks nothing', () => {
    const { store, net } = build(tiny, 'menet');
    const x = clip(tiny, 'menet', 2);
    const weights = store.trainable('menet');
    const tensorsBefore = tf.memory().numTensors;
    let updates: ReturnType<Branch['apply']>['stateUpdates'] = [];
    const { value, grads } = tf.variableGrads(() => {
      const out = net.apply(x, 'train');
      updates = out.stateUpdates;
      for (const u of updates) tf.keep(u.value);
      return tf.add(softmaxCrossEntropy(out.logits, [0, 2]), tf.mul(divergenceLoss(out.maps!), 0.1));
    }, weights);
    for (const w of weights) {
      const g = grads[w.name]!.dataSync();
      expect(g.every(Number.isFinite)).toBe(true);
      // DAO's step kernels learn only through L_div at first (its residual BN starts at scale 0).
      expect(g.some((v) => v !== 0), w.name).toBe(true);
    }
    store.applyStateUpdates(updates);
    tf.dispose([value, ...Object.values(grads)]);
    expect(tf.memory().numTensors).toBe(tensorsBefore);
    store.dispose();
  });
});

describe('MINE statistics network', () => {
  it.each([false, true])('maps a batch of (fd, fe) pairs to one score each (projection %s)', (mineProjection) => {
    const config = { ...tiny, mineProjection };
    const store = new ParamStore();
    const mine = createMine(config, store, 1);
    const fd = tf.randomNormal([5, config.widths[3]]) as tf.Tensor2D;
    const fe = tf.randomNormal([5, config.widths[3]]) as tf.Tensor2D;
    expect(mine.apply(fd, fe).shape).toEqual([5, 1]);
    store.dispose();
  });
});
