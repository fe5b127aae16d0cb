import type { TrainingConfig } from '../../../shared/api/training';
import type { Fold } from '../../../shared/domain/splits';
import type { ToolSettings } from '../../core/media/locate-tools';
import { requireTools } from '../../core/media/tools';
import { batches } from '../data/batches';
import { createClipCache } from '../data/clip-cache';
import type { ClipSample, ClipSettings } from '../data/clip-samples';
import { prepareClips, type Normalisation } from '../data/prepare';
import type { FoldData } from './fold-runner';
import { presets } from '../nn/presets';
import type { TrainingSamples } from './training-samples';

export interface FoldDataSource extends FoldData {
  normalisation: Normalisation;
  settings: ClipSettings;
  dispose(): void;
}

/** How a configuration turns events into clips: T, each branch's size, the range, interpolation. */
export function clipSettingsOf(config: TrainingConfig): ClipSettings {
  const preset = presets[config.model.preset];
  return {
    frames: config.preprocessing.frames,
    sizes: { me: config.model.meInput ?? preset.meInput, id: config.model.idInput ?? preset.idInput },
    range: config.preprocessing.sampling,
    interpolate: config.preprocessing.interpolate,
  };
}

/** The run's samples as clips: with their class index, and without face boxes when the run does not crop. */
export function clipSamplesOf(config: TrainingConfig, samples: TrainingSamples): ClipSample[] {
  return samples.samples.map((s) => ({
    ...s,
    classIndex: samples.classOf.get(s.id)!,
    recording: config.preprocessing.faceCrop ? s.recording : { ...s.recording, faceBox: null },
  }));
}

/**
 * Connects a fold of the split to the data pipeline: fills the clip cache (face crop and resize
 * once per clip), measures the normalisation on the fold's training samples only, and hands out
 * batches — training batches shuffled and augmented from the epoch's seed, others in order.
 */
export async function createFoldData(args: {
  dataDir: string;
  mediaRoot: string;
  tools: ToolSettings;
  config: TrainingConfig;
  samples: TrainingSamples;
  fold: Fold;
  trainSubjects: readonly string[];
  signal: AbortSignal;
  progress: (fraction: number, message: string) => Promise<void>;
}): Promise<FoldDataSource> {
  const { config, samples, fold } = args;
  const pre = config.preprocessing;
  const settings = clipSettingsOf(config);
  const byId = new Map(clipSamplesOf(config, samples).map((s) => [s.id, s]));
  const pick = (ids: readonly number[]) => ids.map((id) => byId.get(id)!);
  const cache = createClipCache({ dataDir: args.dataDir, mediaRoot: args.mediaRoot, tools: requireTools(args.tools) });
  let reported = 0;
  const { normalisation } = await prepareClips({
    cache,
    settings,
    train: pick(fold.train),
    evaluation: pick([...fold.validation, ...fold.test]),
    jitter: pre.jitter,
    signal: args.signal,
    onProgress: (done, total) => {
      // Progress is a cancellation point only between clips; report at most every 5 %.
      if (done === total || done / total - reported >= 0.05) {
        reported = done / total;
        void args.progress(done / total, `Preparing clips ${done}/${total}`).catch(() => undefined);
      }
    },
  });
  return {
    train: fold.train,
    validation: fold.validation,
    test: fold.test,
    normalisation,
    settings,
    batches: (ids, o) =>
      batches({
        cache,
        samples: pick(ids),
        settings,
        normalisation,
        subjects: args.trainSubjects,
        batchSize: o.batchSize,
        mode: o.training ? 'train' : 'eval',
        seed: o.seed,
        epoch: 0,
        augmentation: { flip: pre.flip, jitter: pre.jitter },
        signal: args.signal,
      }),
    dispose: () => undefined,
  };
}
