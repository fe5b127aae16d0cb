/**
 * From cached uint8 frames to network input: blend interpolated picks, scale to [0,1], mirror for
 * augmentation, normalise per channel with the training set's mean and std (MODEL.md, "Input").
 */
import type { FramePick } from './clip-sampling';

export interface ChannelStats {
  mean: [number, number, number];
  std: [number, number, number];
}

/** A channel whose std is below this is flat; it is centred but not divided (no blow-up). */
const flatStd = 1e-6;

/** One clip frame as floats in [0,1], S·S·3 values: the pick's frame, or the blend of two. */
export function scaledFrame(pick: FramePick, frameOf: (n: number) => Uint8Array): Float32Array {
  const a = frameOf(pick.frame);
  const out = new Float32Array(a.length);
  if (pick.weight === 0) {
    for (let i = 0; i < a.length; i++) out[i] = a[i]! / 255;
    return out;
  }
  const b = frameOf(pick.nextFrame);
  const w = pick.weight;
  for (let i = 0; i < a.length; i++) out[i] = ((1 - w) * a[i]! + w * b[i]!) / 255;
  return out;
}

/** Writes a [0,1] frame into `out` at `offset`, normalised per channel and mirrored left-right when `flip`. */
export function writeNormalised(out: Float32Array, offset: number, frame: Float32Array, size: number, stats: ChannelStats, flip: boolean): void {
  const scale = stats.std.map((s) => (s < flatStd ? 1 : 1 / s));
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const from = (y * size + (flip ? size - 1 - x : x)) * 3;
      const to = offset + (y * size + x) * 3;
      for (let c = 0; c < 3; c++) out[to + c] = (frame[from + c]! - stats.mean[c]!) * scale[c]!;
    }
  }
}

/** Running per-channel mean and std (population) of [0,1] pixel values. */
export class ChannelMoments {
  private readonly sum = [0, 0, 0];
  private readonly squares = [0, 0, 0];
  private count = 0;

  add(frame: Float32Array): void {
    for (let i = 0; i < frame.length; i += 3) {
      for (let c = 0; c < 3; c++) {
        const v = frame[i + c]!;
        this.sum[c]! += v;
        this.squares[c]! += v * v;
      }
    }
    this.count += frame.length / 3;
  }

  stats(): ChannelStats {
    if (this.count === 0) throw new Error('no pixels to compute the channel statistics from');
    const mean = this.sum.map((s) => s / this.count) as ChannelStats['mean'];
    // max(0, …): E[v²] − E[v]² can come out a hair below zero for a flat channel.
    const std = this.squares.map((q, c) => Math.sqrt(Math.max(0, q / this.count - mean[c]! ** 2))) as ChannelStats['std'];
    return { mean, std };
  }
}
