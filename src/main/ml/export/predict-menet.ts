import type { ExportSample } from '../../core/exports/samples';
import type { ToolSettings } from '../../core/media/locate-tools';
import { requireTools } from '../../core/media/tools';
import { batches } from '../data/batches';
import { createClipCache } from '../data/clip-cache';
import type { ClipSample, ClipSettings } from '../data/clip-samples';
import { createMENet } from '../nn/branches';
import { ParamStore } from '../nn/params';
import { predict, type SamplePrediction } from '../train/evaluate';
import type { MenetModel } from './menet-artifact';

export interface PredictContext {
  dataDir: string;
  mediaRoot: string;
  tools: ToolSettings;
  signal: AbortSignal;
  /** Called after each batch with the samples done so far (a cancellation point when it throws). */
  onProgress?: (done: number, total: number) => Promise<void>;
}

/** The clips a model was trained on: its T, input sizes, sampling range and interpolation. */
export function clipSettingsOfModel(model: MenetModel): ClipSettings {
  const input = model.topology.input;
  return { frames: input.frames, sizes: { me: input.size, id: input.identitySize }, range: input.sampling, interpolate: input.interpolate };
}

/**
 * Rebuilds the MENet from its topology, puts the saved weights in, and predicts the samples in
 * eval mode (running statistics, no augmentation), exactly as a fold predicts its test samples.
 */
export async function predictWithMenet(ctx: PredictContext, model: MenetModel, samples: readonly ExportSample[]): Promise<SamplePrediction[]> {
  const store = new ParamStore();
  try {
    const menet = createMENet(model.topology.network, store, 0);
    const expected = store.names('menet');
    const missing = expected.filter((name) => !(name in model.weights));
    const extra = Object.keys(model.weights).filter((name) => !expected.includes(name));
    if (missing.length || extra.length) throw new Error(`The model's weights do not fit its MENet (${missing.length ? `missing ${missing[0]}` : `unexpected ${extra[0]}`}${missing.length + extra.length > 1 ? ', …' : ''})`);
    for (const name of expected) {
      const variable = store.get(name);
      const value = model.weights[name]!;
      if (value.shape.join('x') !== variable.shape.join('x')) throw new Error(`The weight ${name} has the shape [${value.shape.join(', ')}] where the MENet needs [${variable.shape.join(', ')}]`);
      variable.assign(value);
    }
    const clips: ClipSample[] = samples.map((s) => ({
      ...s,
      classIndex: -1,
      recording: model.topology.input.faceCrop ? s.recording : { ...s.recording, faceBox: null },
    }));
    const cache = createClipCache({ dataDir: ctx.dataDir, mediaRoot: ctx.mediaRoot, tools: requireTools(ctx.tools) });
    const batchSize = 8;
    let done = 0;
    const source = batches({ cache, samples: clips, settings: clipSettingsOfModel(model), normalisation: model.topology.normalisation, subjects: [], batchSize, mode: 'eval', seed: 0, epoch: 0, signal: ctx.signal });
    return await predict(menet, source, async () => {
      done = Math.min(clips.length, done + batchSize);
      await ctx.onProgress?.(done, clips.length);
    });
  } finally {
    store.dispose();
  }
}
