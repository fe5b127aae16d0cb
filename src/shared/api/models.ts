import { z } from 'zod';
import { Id } from './common';

/**
 * Trained models outside their run: a fold's MENet saved in the TensorFlow.js format, and
 * predictions of any model (a run's fold or an exported folder) on a project's events.
 */

const Folder = z.string().min(1, 'must not be empty').max(4096);

/** Which model predicts: a fold of a training run (0-based), or a folder holding a TF.js model.json. */
export const ModelSource = z.union([
  z.object({ runId: Id, fold: z.number().int().min(0) }).strict(),
  z.object({ folder: Folder }).strict(),
]);
export type ModelSource = z.infer<typeof ModelSource>;

export const ModelExportParams = z
  .object({
    runId: Id,
    /** Folds to export (0-based); none = every fold the run finished. */
    folds: z.array(z.number().int().min(0)).min(1).optional(),
    /** A new folder (or an empty one) that receives fold-N/model.json + shards. */
    out: Folder,
  })
  .strict();
export type ModelExportParams = z.infer<typeof ModelExportParams>;

export const ModelExportResult = z.object({
  dir: z.string(),
  models: z.array(z.object({ fold: z.number().int(), dir: z.string(), weights: z.number().int(), bytes: z.number().int() })),
});
export type ModelExportResult = z.infer<typeof ModelExportResult>;

export const ModelPredictParams = z
  .object({
    model: ModelSource,
    eventIds: z.array(Id).min(1, 'choose at least one event').max(10_000),
  })
  .strict();
export type ModelPredictParams = z.infer<typeof ModelPredictParams>;

export const EventModelPrediction = z.object({
  eventId: Id,
  /** The event's emotion under the model's class mapping; null when the mapping drops it. */
  humanLabel: z.string().nullable(),
  predicted: z.string(),
  /** Softmax over `classes`. */
  probabilities: z.array(z.number()),
});
export type EventModelPrediction = z.infer<typeof EventModelPrediction>;

export const ModelPredictResult = z.object({
  /** What predicted, in words (run, fold, preset or folder). */
  model: z.string(),
  classes: z.array(z.string()),
  predictions: z.array(EventModelPrediction),
});
export type ModelPredictResult = z.infer<typeof ModelPredictResult>;
