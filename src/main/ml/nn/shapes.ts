import { backboneLayout, mineInputWidth, type BackboneLayout, type ConvLayout, type Triple } from './architecture';
import type { ModelConfig } from './presets';

/**
 * Sizes and costs computed from the layout alone, without building a tensor: what a paper-size
 * network would produce, and how many FLOPs a forward pass takes (for the benchmark's GFLOP/s).
 */

/** One sample's activation shape [T, H, W, C]. */
export type ActivationShape = readonly [number, number, number, number];
export type LayerName = 'conv0' | 'pool' | 'stage1' | 'stage2' | 'stage3' | 'attention' | 'stage4';

export interface LayerShape {
  layer: LayerName;
  shape: ActivationShape;
}

/** Output length of a convolution or pool along one axis. */
export function outputSize(size: number, kernel: number, stride: number, pad: number): number {
  return Math.floor((size + 2 * pad - kernel) / stride) + 1;
}

function slide(shape: ActivationShape, kernel: Triple, strides: Triple, pads: Triple, channels: number): ActivationShape {
  const [t, h, w] = shape;
  return [
    outputSize(t, kernel[0], strides[0], pads[0]),
    outputSize(h, kernel[1], strides[1], pads[1]),
    outputSize(w, kernel[2], strides[2], pads[2]),
    channels,
  ];
}

function convOutput(shape: ActivationShape, conv: ConvLayout): ActivationShape {
  return slide(shape, conv.kernel, conv.strides, conv.pads, conv.outChannels);
}

/** Multiply-adds of one convolution producing `out`, zero padding included. */
function convMacs(conv: ConvLayout, out: ActivationShape): number {
  const [t, h, w, c] = out;
  return t * h * w * c * conv.kernel[0] * conv.kernel[1] * conv.kernel[2] * conv.inChannels;
}

interface Walk {
  layers: LayerShape[];
  macs: number;
}

/** Follows the layout layer by layer, recording each named layer's output and summing conv MACs. */
function walk(layout: BackboneLayout): Walk {
  const layers: LayerShape[] = [];
  let macs = 0;
  let shape: ActivationShape = [layout.frames, layout.input, layout.input, 3];
  const through = (conv: ConvLayout, from: ActivationShape): ActivationShape => {
    const out = convOutput(from, conv);
    macs += convMacs(conv, out);
    return out;
  };

  shape = through(layout.conv0, shape);
  layers.push({ layer: 'conv0', shape });
  shape = slide(shape, layout.pool.kernel, layout.pool.strides, layout.pool.pads, shape[3]);
  layers.push({ layer: 'pool', shape });
  layout.stages.forEach((stage, s) => {
    for (const block of stage) {
      if (block.shortcut) through(block.shortcut, shape);
      shape = through(block.conv2, through(block.conv1, shape));
    }
    layers.push({ layer: `stage${s + 1}` as LayerName, shape });
    if (s === 2 && layout.attention) {
      // DAO's learned branches are 1x1 convs C -> 1 at time steps 1..T-1.
      const [t, h, w, c] = shape;
      if (layout.attention === 'dao') macs += (t - 1) * h * w * c;
      layers.push({ layer: 'attention', shape });
    }
  });
  macs += shape[3] * layout.classes;
  return { layers, macs };
}

/** Each named layer's per-sample output shape [T, H, W, C]. */
export function inferShapes(layout: BackboneLayout): LayerShape[] {
  return walk(layout).layers;
}

export interface FlopCount {
  menet: number;
  idnet: number;
  /** T_theta on the joint and on the permuted (marginal) pairs. */
  mine: number;
  total: number;
}

/**
 * Forward FLOPs per sample of the convolutions and fully connected layers, counted as
 * 2 per multiply-add (torch_ref.py's convention, so GFLOP/s figures compare). Batch norm,
 * activations, pooling and the attention softmax are left out: they are a few percent.
 */
export function flopsPerSample(config: ModelConfig): FlopCount {
  const menet = 2 * walk(backboneLayout(config, 'menet')).macs;
  const idnet = 2 * walk(backboneLayout(config, 'idnet')).macs;
  const { perFeature, concatenated } = mineInputWidth(config);
  const projection = config.mineProjection ? 2 * config.widths[3] * perFeature : 0;
  const statistic = concatenated * config.mineHidden + config.mineHidden;
  const mine = 2 * 2 * (projection + statistic);
  return { menet, idnet, mine, total: menet + idnet + mine };
}
