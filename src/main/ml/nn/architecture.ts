import type { Pool3dSpec } from '../ops/max-pool3d';
import type { ModelConfig } from './presets';

/**
 * MODEL.md Tables 1 and 2 as data. The builders create their layers from this layout and
 * shapes.ts infers sizes and FLOPs from it, so the two cannot drift apart.
 */

export type BranchName = 'menet' | 'idnet';
export type Triple = readonly [number, number, number];

/** A bias-free 3D convolution (every conv here is followed by batch norm). */
export interface ConvLayout {
  kernel: Triple;
  strides: Triple;
  pads: Triple;
  inChannels: number;
  outChannels: number;
}

/** conv-BN-ReLU-conv-BN plus shortcut, ReLU; the shortcut is a 1x1x1 conv + BN where channels or stride change. */
export interface BlockLayout {
  conv1: ConvLayout;
  conv2: ConvLayout;
  shortcut: ConvLayout | null;
}

export interface BackboneLayout {
  branch: BranchName;
  frames: number;
  input: number;
  conv0: ConvLayout;
  pool: Pool3dSpec;
  /** Four stages of two basic blocks each; the attention module sits after stage 3 (index 2). */
  stages: BlockLayout[][];
  /** After stage 3: MENet's DAO (learned per time step), IDNet's parameter-free global attention, or none. */
  attention: 'dao' | 'global' | null;
  /** Channels entering the attention module. */
  attentionChannels: number;
  classes: number;
}

const BLOCKS_PER_STAGE = 2;
/** Spatial stride of each stage's first block (Table 1: stages 2 and 3 halve H and W). */
const STAGE_STRIDES = [1, 2, 2, 1] as const;

/**
 * MENet's kernels are k x k x k with padding k/2 on every axis; IDNet's are 1 x k x k with no
 * temporal padding, so it sees each frame alone. Temporal stride is 1 everywhere.
 */
function kernelOf(branch: BranchName, k: number): { kernel: Triple; pads: Triple } {
  const half = Math.floor(k / 2);
  return branch === 'menet' ? { kernel: [k, k, k], pads: [half, half, half] } : { kernel: [1, k, k], pads: [0, half, half] };
}

function conv(branch: BranchName, k: number, stride: number, inChannels: number, outChannels: number): ConvLayout {
  return { ...kernelOf(branch, k), strides: [1, stride, stride], inChannels, outChannels };
}

function block(branch: BranchName, inChannels: number, outChannels: number, stride: number): BlockLayout {
  const needsProjection = stride !== 1 || inChannels !== outChannels;
  return {
    conv1: conv(branch, 3, stride, inChannels, outChannels),
    conv2: conv(branch, 3, 1, outChannels, outChannels),
    shortcut: needsProjection
      ? { kernel: [1, 1, 1], strides: [1, stride, stride], pads: [0, 0, 0], inChannels, outChannels }
      : null,
  };
}

export function backboneLayout(config: ModelConfig, branch: BranchName): BackboneLayout {
  const [w0] = config.widths;
  const stages: BlockLayout[][] = [];
  let channels = w0;
  config.widths.forEach((width, s) => {
    const stage: BlockLayout[] = [];
    for (let b = 0; b < BLOCKS_PER_STAGE; b++) {
      stage.push(block(branch, channels, width, b === 0 ? STAGE_STRIDES[s]! : 1));
      channels = width;
    }
    stages.push(stage);
  });
  const pool = kernelOf(branch, 3);
  return {
    branch,
    frames: config.frames,
    input: branch === 'menet' ? config.meInput : config.idInput,
    conv0: conv(branch, 7, 2, 3, w0),
    pool: { kernel: pool.kernel, strides: [1, 2, 2], pads: pool.pads },
    stages,
    attention: branch === 'idnet' ? 'global' : config.dao ? 'dao' : null,
    attentionChannels: config.widths[2],
    classes: branch === 'menet' ? config.emotionClasses : config.identityClasses,
  };
}

/** Width of each pooled feature entering MINE, and of the concatenation. */
export function mineInputWidth(config: ModelConfig): { perFeature: number; concatenated: number } {
  const perFeature = config.mineProjection ? Math.floor(config.widths[3] / 2) : config.widths[3];
  return { perFeature, concatenated: 2 * perFeature };
}
