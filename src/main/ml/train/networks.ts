import type * as tf from '@tensorflow/tfjs-core';
import type { TrainingConfig } from '../../../shared/api/training';
import { networksOf } from '../../../shared/domain/training';
import { createIDNet, createMENet } from '../nn/branches';
import { createMine } from '../nn/mine';
import { ParamStore } from '../nn/params';
import { modelConfigOf } from './model-config';
import type { NetworkName, Networks } from './types';

/** Builds the networks a configuration needs (rows without decoupling never build IDNet or MINE). */
export function buildNetworks(config: TrainingConfig, classes: { emotionClasses: number; identityClasses: number }, seed: number): Networks {
  const model = modelConfigOf(config, classes);
  const store = new ParamStore();
  const build = networksOf(config);
  const menet = createMENet(model, store, seed);
  const idnet = build.idnet ? createIDNet(model, store, seed) : null;
  const mine = build.mine ? createMine(model, store, seed) : null;
  const trainableNames = (network: NetworkName) => {
    const trainable = new Set(store.trainable(network));
    return store.names(network).filter((name) => trainable.has(store.get(name)));
  };
  return {
    menet,
    idnet,
    mine,
    trainable: (network) => Object.fromEntries(trainableNames(network).map((name) => [name, store.get(name)])),
    variables: () => Object.fromEntries(store.names().map((name) => [name, store.get(name)])) as Record<string, tf.Variable>,
    applyStateUpdates: (updates) => store.applyStateUpdates(updates),
    dispose: () => store.dispose(),
  };
}
