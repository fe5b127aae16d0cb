import { z } from 'zod';
import { Id } from './common';
import { SavedSplit, TrainingConfig } from './training';

/** The part of a training configuration that decides which samples a run trains on and how they are split. */
export const TrainingDataQuery = z
  .object({
    projectId: Id,
    data: TrainingConfig.shape.data,
    protocol: TrainingConfig.shape.protocol,
    seed: TrainingConfig.shape.seed,
  })
  .strict();
export type TrainingDataQuery = z.input<typeof TrainingDataQuery>;

/**
 * What a run on these events would train on, read before launching it: class counts per subject
 * (so an imbalance is visible), what is left out and why, the folds of the split, and the reason a
 * run would stop before its first epoch, if there is one.
 */
export const TrainingDataPreview = z.object({
  /** Column order of `subjects[].counts`: the label set's (or mapping's) classes that occur. */
  classes: z.array(z.string()),
  subjects: z.array(z.object({ subject: z.string(), dataset: z.string(), counts: z.array(z.number().int()) })),
  samples: z.number().int(),
  dropped: z.array(z.object({ reason: z.string(), events: z.number().int() })),
  /** Every fold of the split with its sample counts; empty when the split cannot be made. */
  folds: z.array(z.object({ index: z.number().int(), name: z.string(), train: z.number().int(), validation: z.number().int(), test: z.number().int() })),
  /** Why a run on this data would fail before training (too few subjects, one class, ...); null when it can start. */
  problem: z.string().nullable(),
});
export type TrainingDataPreview = z.infer<typeof TrainingDataPreview>;

/** A split saved by the Export page, to train on (the protocol step's "a saved split from Export"). */
export const SavedSplitQuery = z.object({ projectId: Id, path: z.string().trim().min(1, 'give the export folder').max(4096) }).strict();

export const SavedSplitRead = z.object({
  /** What the configuration stores: the folds themselves, so a clone trains on the same ones. */
  split: SavedSplit,
  /** The export's class mapping (a key of mappings.list), or null for the project's own labels. */
  mapping: z.string().nullable(),
  samples: z.number().int(),
  subjects: z.number().int(),
});
export type SavedSplitRead = z.infer<typeof SavedSplitRead>;
