import { presetMotionInput, presetSizes, type MotionInput } from '../../../shared/api/training';

/**
 * The shape of the networks (MODEL.md). Everything that changes a tensor's size or a parameter's
 * count lives here, so a run's config records the whole architecture.
 */
export interface ModelConfig {
  /** T: frames per clip; temporal stride is 1, so every stage keeps all T steps. */
  frames: number;
  /** MENet input height = width. */
  meInput: number;
  /** IDNet input height = width. */
  idInput: number;
  /** Output channels of stages 1..4 (conv0 and the pool use the stage-1 width). */
  widths: readonly [number, number, number, number];
  emotionClasses: number;
  /** Subjects IDNet's classifier chooses among (the training subjects). */
  identityClasses: number;
  /** MENet's input: the frames, or each frame minus the clip's first (computed inside MENet). */
  motionInput: MotionInput;
  /** MENet's diverse attention after stage 3; false is ablation rows 1 and 4 (no DAO, no maps). */
  dao: boolean;
  /** MODEL.md's "literal reading": project each pooled feature to half its width before MINE. */
  mineProjection: boolean;
  /** Width of MINE's hidden layer (paper Table 3: 64). */
  mineHidden: number;
}

/**
 * Class counts are placeholders (torch_ref.py's defaults, so parameter counts compare with the
 * yardstick); a run sets them from its dataset.
 */
const classes = { emotionClasses: 5, identityClasses: 68 } as const;

/** The published network: 256 x 256 MENet input, 128 x 128 IDNet input, ResNet-18 widths. */
export const paperPreset: ModelConfig = {
  frames: 8,
  ...presetSizes.paper,
  ...classes,
  motionInput: presetMotionInput.paper,
  dao: true,
  mineProjection: false,
  mineHidden: 64,
};

/** Same layer structure for CPU-only machines and tests: inputs / 4, widths / 4. */
export const litePreset: ModelConfig = { ...paperPreset, ...presetSizes.lite, motionInput: presetMotionInput.lite };

export const presets = { paper: paperPreset, lite: litePreset } as const;
export type PresetName = keyof typeof presets;
