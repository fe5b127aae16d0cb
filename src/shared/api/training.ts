import { z } from 'zod';
import { Id, Timestamp } from './common';

/**
 * A training run's whole configuration (MODEL.md): what is saved with every run, what the wizard
 * edits and the CLI reads from a file. Every "decided" point of MODEL.md is a field here, so each
 * run records which reading it used.
 */

/** The paper's ablation switches (Table 5): each row of the matrix is one combination. */
export const Ablation = z
  .object({
    /** DAO attention after MENet's stage 3. */
    dao: z.boolean(),
    /** The divergence loss on the DAO maps (needs dao). */
    divergence: z.boolean(),
    /** IDNet + MINE: the identity branch and the mutual-information penalty (stages 1 and 3). */
    decoupling: z.boolean(),
  })
  .strict()
  .refine((a) => a.dao || !a.divergence, { message: 'the divergence loss needs DAO attention maps', path: ['divergence'] });
export type Ablation = z.infer<typeof Ablation>;

/** Table 5 of the paper: row → switches. */
export const ablationRows: Record<1 | 2 | 3 | 4 | 5 | 6, Ablation> = {
  1: { dao: false, divergence: false, decoupling: false },
  2: { dao: true, divergence: false, decoupling: false },
  3: { dao: true, divergence: true, decoupling: false },
  4: { dao: false, divergence: false, decoupling: true },
  5: { dao: true, divergence: false, decoupling: true },
  6: { dao: true, divergence: true, decoupling: true },
};

export const modelPresets = ['lite', 'paper'] as const;
export const ModelPreset = z.enum(modelPresets);
export type ModelPreset = z.infer<typeof ModelPreset>;

/** Input sizes and stage widths of each preset (MODEL.md: `paper` as published, `lite` for CPUs). */
/**
 * What MENet sees: the normalised frames (the paper), or each frame minus the clip's first (its
 * onset), which leaves only what moved. The lite preset uses the difference: on small data its
 * MENet otherwise learns the faces, not their motion (README, "Training").
 */
export const motionInputs = ['frames', 'onset-difference'] as const;
export const MotionInput = z.enum(motionInputs);
export type MotionInput = z.infer<typeof MotionInput>;

export const presetMotionInput: Record<ModelPreset, MotionInput> = { paper: 'frames', lite: 'onset-difference' };

export const presetSizes: Record<ModelPreset, { meInput: number; idInput: number; widths: readonly [number, number, number, number] }> = {
  paper: { meInput: 256, idInput: 128, widths: [64, 128, 256, 512] },
  lite: { meInput: 64, idInput: 32, widths: [16, 32, 64, 128] },
};

export const trainingBackends = ['auto', 'tensorflow-gpu', 'tensorflow', 'wasm', 'cpu'] as const;
export const TrainingBackend = z.enum(trainingBackends);
export type TrainingBackend = z.infer<typeof TrainingBackend>;

const Epochs = z.number().int().min(0).max(10000);

/**
 * A split written by the Export page, copied into the configuration when it is chosen: the run
 * (and any clone of it) trains on exactly these folds, even if the export folder is edited later.
 */
export const SavedSplit = z
  .object({
    /** The export folder it was read from: a record only, never read again. */
    path: z.string().max(4096),
    /** The protocol and seed the export was made with, as its manifest says. */
    protocol: z.string().max(100),
    seed: z.number().int().nullable(),
    createdAt: z.string().max(100),
    folds: z
      .array(z.object({ name: z.string().max(200), train: z.array(Id), validation: z.array(Id), test: z.array(Id) }).strict())
      .min(1)
      .max(1000),
  })
  .strict();
export type SavedSplit = z.infer<typeof SavedSplit>;
const Width = z.number().int().min(1).max(2048);

export const TrainingConfig = z
  .object({
    projectId: Id,
    data: z
      .object({
        /**
         * More projects whose events are pooled with the project's before the split (e.g. SMIC, CASME II and SAMM
         * for the MEGC composite): each with its own mapping to the same classes, its subjects kept apart.
         */
        extraProjectIds: z.array(Id).max(20).default([]),
        /** A mapping key from mappings.list; none = the project's own emotion labels. */
        mapping: z.string().max(200).nullable().default(null),
        /** Only these coders' events (default: all). */
        annotatorIds: z.array(Id).nullable().default(null),
        /** Leave out events with a flag (apex missing, overlap, unknown emotion, unreadable AUs). */
        excludeFlagged: z.boolean().default(false),
        /** Only consensus events: those made by adjudicating two coders' codings (they record each field's provenance). */
        consensusOnly: z.boolean().default(false),
      })
      .strict()
      .prefault({}),
    protocol: z
      .object({
        /** `saved`: the folds of `saved` (a split from the Export page), as they are. */
        protocol: z.enum(['kfold', 'loso', 'megc', 'saved']).default('kfold'),
        folds: z.number().int().min(2).max(50).default(5),
        /** Share of each fold's training subjects held out for model selection. */
        validationShare: z.number().min(0).max(0.5).default(0.2),
        /** Run only these folds (0-based); none = all. For quick checks; results say so. */
        onlyFolds: z.array(z.number().int().min(0)).nullable().default(null),
        saved: SavedSplit.nullable().default(null),
      })
      .strict()
      .refine((p) => p.protocol !== 'saved' || p.saved !== null, { message: 'choose the folder of a split saved by the Export page', path: ['saved'] })
      .prefault({}),
    preprocessing: z
      .object({
        frames: z.number().int().min(2).max(64).default(8),
        sampling: z.enum(['onset-offset', 'onset-apex']).default('onset-offset'),
        /** TIM-style interpolation when an event has fewer frames than T (else nearest frames repeat). */
        interpolate: z.boolean().default(false),
        faceCrop: z.boolean().default(true),
        flip: z.boolean().default(true),
        jitter: z.boolean().default(true),
      })
      .strict()
      .prefault({}),
    model: z
      .object({
        preset: ModelPreset.default('lite'),
        /** Override the preset's input sizes and stage widths. */
        meInput: z.number().int().min(16).max(512).nullable().default(null),
        idInput: z.number().int().min(8).max(512).nullable().default(null),
        widths: z.tuple([Width, Width, Width, Width]).nullable().default(null),
        /** What MENet sees; null = the preset's choice (presetMotionInput). */
        motionInput: MotionInput.nullable().default(null),
        /** MODEL.md's literal reading: project each feature to half its width before MINE. */
        mineProjection: z.boolean().default(false),
      })
      .strict()
      .prefault({}),
    ablation: Ablation.default(ablationRows[6]),
    training: z
      .object({
        /** Epochs of stages 1-4 (Table 4). Without decoupling, MENet trains stage 2 + stage 4 epochs in one stage. */
        epochs: z.tuple([Epochs, Epochs, Epochs, Epochs]).default([10, 20, 10, 20]),
        learningRate: z.number().positive().max(1).default(1e-4),
        batchSize: z.number().int().min(1).max(1024).default(4),
        lambdaDiv: z.number().min(0).max(100).default(0.1),
        lambdaMiMe: z.number().min(0).max(100).default(0.1),
        lambdaMiId: z.number().min(0).max(100).default(0.1),
        /** Moving-average bias correction of MINE's gradient (Belghazi et al. 2018). */
        mineBiasCorrection: z.boolean().default(false),
      })
      .strict()
      .prefault({}),
    backend: TrainingBackend.default('auto'),
    /** Threads of the wasm backend (XNNPACK takes at most 8); null = one per CPU core, up to 8. */
    wasmThreads: z.number().int().min(1).max(8).nullable().default(null),
    seed: z.number().int().min(0).max(2 ** 31 - 1).default(1),
  })
  .strict();
export type TrainingConfig = z.infer<typeof TrainingConfig>;
export type TrainingConfigInput = z.input<typeof TrainingConfig>;

export const runStatuses = ['running', 'succeeded', 'failed', 'cancelled', 'interrupted'] as const;
export const RunStatus = z.enum(runStatuses);
export type RunStatus = z.infer<typeof RunStatus>;

export const ClassMetrics = z.object({ label: z.string(), support: z.number().int(), recall: z.number().nullable(), precision: z.number().nullable(), f1: z.number().nullable() });

/** Metrics of src/shared/domain/metrics.ts; null where a value is 0/0 (e.g. a class absent from a fold). */
export const Metrics = z.object({
  samples: z.number().int(),
  accuracy: z.number().nullable(),
  uf1: z.number().nullable(),
  uar: z.number().nullable(),
  perClass: z.array(ClassMetrics),
  /** confusion[true][predicted] */
  confusion: z.array(z.array(z.number().int())),
});
export type Metrics = z.infer<typeof Metrics>;

export const EpochRecord = z.object({
  fold: z.number().int(),
  stage: z.number().int(),
  epoch: z.number().int(),
  /** Mean of each loss term over the epoch's steps, e.g. ce_e, ce_d, div, mi, mine. */
  losses: z.record(z.string(), z.number()),
  trainAccuracy: z.number().nullable(),
  validationAccuracy: z.number().nullable(),
  seconds: z.number(),
});
export type EpochRecord = z.infer<typeof EpochRecord>;

export const FoldResult = z.object({
  fold: z.number().int(),
  name: z.string(),
  trainSamples: z.number().int(),
  validationSamples: z.number().int(),
  testSamples: z.number().int(),
  /** The final MENet epoch kept, and why (best validation accuracy, or the last when no validation split). */
  chosenEpoch: z.number().int(),
  chosenBecause: z.string(),
  metrics: Metrics,
});
export type FoldResult = z.infer<typeof FoldResult>;

export const RunBackend = z.object({ name: z.string(), detail: z.string(), versions: z.record(z.string(), z.string()), threads: z.number().int() });
export type RunBackend = z.infer<typeof RunBackend>;

export const Run = z.object({
  id: Id,
  projectId: Id,
  jobId: Id.nullable(),
  name: z.string(),
  /** Runs launched together, e.g. the rows of an ablation matrix. */
  group: z.string().nullable(),
  status: RunStatus,
  config: TrainingConfig,
  classes: z.array(z.string()),
  /** The TensorFlow.js backend the run used, and the package versions. */
  backend: RunBackend.nullable(),
  message: z.string(),
  createdAt: Timestamp,
  finishedAt: Timestamp.nullable(),
  folds: z.array(FoldResult),
  /** Pooled over the finished folds (MEGC 2019 pooling), null until one fold finishes. */
  pooled: Metrics.nullable(),
});
export type Run = z.infer<typeof Run>;

export const RunSummary = Run.omit({ folds: true, config: true });
export type RunSummary = z.infer<typeof RunSummary>;

/** One test sample's prediction in a fold: class indices into the run's `classes`. */
export const RunPrediction = z.object({
  fold: z.number().int(),
  eventId: Id,
  subject: z.string(),
  trueClass: z.number().int(),
  predictedClass: z.number().int(),
  /** Softmax over the run's classes. */
  probabilities: z.array(z.number()),
});
export type RunPrediction = z.infer<typeof RunPrediction>;
