import { z } from 'zod';
import { Id } from './common';

/**
 * Decoupling diagnostics of a training run (issue 7): how much subject identity MENet's pooled
 * features carry before and after decoupling (an identity probe), and where MENet's DAO attention
 * looks in a few test clips.
 */

/** One identity probe: nearest class mean on standardised MENet features, per-subject halves. */
export const IdentityProbe = z.object({
  /** The Table 4 stage of the MENet probed, and its epoch within that stage (1-based). */
  stage: z.number().int(),
  epoch: z.number().int(),
  /** Subjects the probe can answer (those with a clip in its training half). */
  subjects: z.number().int(),
  trainClips: z.number().int(),
  testClips: z.number().int(),
  correct: z.number().int(),
  accuracy: z.number(),
  /** 1 / subjects: the accuracy of guessing. */
  chance: z.number(),
});
export type IdentityProbe = z.infer<typeof IdentityProbe>;

/** Probes pooled over folds: all predicted clips together; chance weighted by each fold's clips. */
export const PooledIdentityProbe = z.object({ folds: z.number().int(), testClips: z.number().int(), correct: z.number().int(), accuracy: z.number(), chance: z.number() });
export type PooledIdentityProbe = z.infer<typeof PooledIdentityProbe>;

export const FoldDiagnostics = z.object({
  fold: z.number().int(),
  name: z.string(),
  /** MENet at the end of its first stage, when a decoupled stage follows; null in rows without decoupling. */
  identityBefore: IdentityProbe.nullable(),
  /** The MENet the fold kept (the one evaluated); null when the fold had too few clips to probe. */
  identityAfter: IdentityProbe.nullable(),
  /** Test samples with DAO attention maps; 0 when the MENet has no DAO. */
  attentionSamples: z.number().int(),
});
export type FoldDiagnostics = z.infer<typeof FoldDiagnostics>;

export const RunDiagnostics = z.object({
  /** Whether the run's MENet has DAO attention (ablation rows 2, 3, 5, 6). */
  dao: z.boolean(),
  decoupling: z.boolean(),
  /** Finished folds only, by fold. */
  folds: z.array(FoldDiagnostics),
  pooled: z.object({ before: PooledIdentityProbe.nullable(), after: PooledIdentityProbe.nullable() }),
});
export type RunDiagnostics = z.infer<typeof RunDiagnostics>;

/** A rectangle of the recording's frame pixels: the face box the clip was cropped to, or the whole frame. */
export const CropBox = z.object({ x: z.number().int(), y: z.number().int(), width: z.number().int(), height: z.number().int() });
export type CropBox = z.infer<typeof CropBox>;

/** DAO's spatial attention of one test clip, from the MENet the fold kept. */
export const AttentionSample = z.object({
  eventId: Id,
  recordingId: Id,
  subject: z.string(),
  /** Class indices into the run's `classes`. */
  trueClass: z.number().int(),
  predictedClass: z.number().int(),
  crop: CropBox,
  /** The recording frame shown for each time step (the nearer one of an interpolated pair). */
  frames: z.array(z.number().int()),
  /** Map size after MENet's stage 3. */
  height: z.number().int(),
  width: z.number().int(),
  /** maps[t] is row-major height x width, a probability map: it sums to 1 over the positions. */
  maps: z.array(z.array(z.number())),
});
export type AttentionSample = z.infer<typeof AttentionSample>;

export const FoldAttentionQuery = z.object({ id: Id, fold: z.number().int().min(0) }).strict();
export const FoldAttention = z.object({ fold: z.number().int(), name: z.string(), samples: z.array(AttentionSample) });
export type FoldAttention = z.infer<typeof FoldAttention>;
