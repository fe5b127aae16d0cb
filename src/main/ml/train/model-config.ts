import type { TrainingConfig } from '../../../shared/api/training';
import { presets, type ModelConfig } from '../nn/presets';

/** The network shape a run configuration asks for: the preset, with any overrides and the run's class counts. */
export function modelConfigOf(config: TrainingConfig, classes: { emotionClasses: number; identityClasses: number }): ModelConfig {
  const preset = presets[config.model.preset];
  return {
    ...preset,
    frames: config.preprocessing.frames,
    meInput: config.model.meInput ?? preset.meInput,
    idInput: config.model.idInput ?? preset.idInput,
    widths: config.model.widths ?? preset.widths,
    motionInput: config.model.motionInput ?? preset.motionInput,
    dao: config.ablation.dao,
    mineProjection: config.model.mineProjection,
    ...classes,
  };
}
