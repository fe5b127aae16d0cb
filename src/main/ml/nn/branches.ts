import { backboneLayout } from './architecture';
import { onsetDifference } from './motion-input';
import { createBackbone, type Branch } from './backbone';
import { paramScope, type ParamStore } from './params';
import type { ModelConfig } from './presets';

/** MENet, the motion branch: 3D kernels, DAO after stage 3 (unless config.dao is false), emotion logits. */
export function createMENet(config: ModelConfig, store: ParamStore, seed: number): Branch {
  const backbone = createBackbone(paramScope(store, 'menet', seed), backboneLayout(config, 'menet'));
  if (config.motionInput === 'frames') return backbone;
  return { apply: (x, mode, observe) => backbone.apply(onsetDifference(x), mode, observe) };
}

/** IDNet, the identity branch: 1 x k x k kernels (each frame alone), global attention, subject logits. */
export function createIDNet(config: ModelConfig, store: ParamStore, seed: number): Branch {
  return createBackbone(paramScope(store, 'idnet', seed), backboneLayout(config, 'idnet'));
}
