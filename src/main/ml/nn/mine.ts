import * as tf from '@tensorflow/tfjs-core';
import { mineInputWidth } from './architecture';
import { createDense } from './layers';
import { paramScope, type ParamStore } from './params';
import type { ModelConfig } from './presets';

export interface Mine {
  /** T_theta(fd, fe) per row: [N, width4] x [N, width4] -> [N, 1]. */
  apply(fd: tf.Tensor2D, fe: tf.Tensor2D): tf.Tensor2D;
}

/** PyTorch's default slope; the paper (a PyTorch model) names LeakyReLU without one. */
const LEAKY_SLOPE = 0.01;

/**
 * MINE's statistics network (paper Table 3): concat -> FC hidden -> LeakyReLU -> FC 1 -> LeakyReLU.
 * With config.mineProjection each feature is first projected linearly to half its width, so the
 * concatenation is width4 wide (MODEL.md's literal reading); otherwise it is 2 x width4.
 */
export function createMine(config: ModelConfig, store: ParamStore, seed: number): Mine {
  const scope = paramScope(store, 'mine', seed);
  const width = config.widths[3];
  const { perFeature, concatenated } = mineInputWidth(config);
  const project = config.mineProjection
    ? { fd: createDense(scope.child('project_fd'), width, perFeature), fe: createDense(scope.child('project_fe'), width, perFeature) }
    : null;
  const hidden = createDense(scope.child('hidden'), concatenated, config.mineHidden);
  const out = createDense(scope.child('out'), config.mineHidden, 1);
  return {
    apply(fd, fe) {
      const joint = project ? tf.concat([project.fd(fd), project.fe(fe)], 1) : tf.concat([fd, fe], 1);
      return tf.leakyRelu(out(tf.leakyRelu(hidden(joint), LEAKY_SLOPE)), LEAKY_SLOPE);
    },
  };
}
