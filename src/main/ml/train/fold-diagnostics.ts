import type { AttentionSample, IdentityProbe } from '../../../shared/api/training-diagnostics';
import { deriveSeed, makeRng } from '../../../shared/domain/random';
import { planClip, type ClipSample, type ClipSettings } from '../data/clip-samples';
import type { Branch } from '../nn/backbone';
import type { FoldData } from './fold-runner';
import { identityProbe } from './identity-probe';
import { attentionOf, pooledFeatures } from './menet-readouts';

/** Test samples per fold whose DAO maps are kept: enough to look at, small to store. */
export const attentionSamplesPerFold = 4;

/** The decoupling diagnostics of one fold, called by the fold runner at the right moments. */
export interface FoldDiagnosticsHooks {
  /** The identity probe of MENet as it is now; `when` names the stage and epoch probed. */
  identity(menet: Branch, when: { stage: number; epoch: number }): Promise<IdentityProbe | null>;
  /** DAO maps of a few seeded test samples; null when MENet has no DAO. */
  attention(menet: Branch): Promise<AttentionSample[] | null>;
}

/**
 * Diagnostics over the clips the fold already has in its cache. The identity probe uses the fold's
 * training and validation clips (unaugmented, as evaluation sees them): their subjects have several
 * clips each, and the test fold stays untouched until the end. Attention is read on up to four test
 * samples drawn with the run's seed.
 */
export function createFoldDiagnostics(args: { data: FoldData; samples: ReadonlyMap<number, ClipSample>; settings: ClipSettings; seed: number; fold: number; batchSize: number }): FoldDiagnosticsHooks {
  const { data, samples, settings, batchSize } = args;
  const evaluation = (ids: readonly number[]) => data.batches(ids, { training: false, seed: 0, batchSize });
  return {
    async identity(menet, when) {
      const { sampleIds, features } = await pooledFeatures(menet, evaluation([...data.train, ...data.validation]));
      const outcome = identityProbe(features, sampleIds.map((id) => samples.get(id)!.subject), deriveSeed(args.seed, `fold ${args.fold} identity probe`));
      return outcome && { ...when, ...outcome };
    },
    async attention(menet) {
      const chosen = makeRng(deriveSeed(args.seed, `fold ${args.fold} attention`)).shuffle(data.test).slice(0, attentionSamplesPerFold);
      const read = await attentionOf(menet, evaluation(chosen));
      return read && read.map((a) => {
        const sample = samples.get(a.sampleId)!;
        const { recording } = sample;
        return {
          eventId: sample.event.id,
          recordingId: recording.id,
          subject: sample.subject,
          trueClass: sample.classIndex,
          predictedClass: a.predictedClass,
          // The clip cache crops to the face box, else takes the whole frame (clip-cache.ts).
          crop: recording.faceBox ?? { x: 0, y: 0, width: recording.width, height: recording.height },
          frames: planClip(sample, settings).picks.map((p) => (p.weight < 0.5 ? p.frame : p.nextFrame)),
          height: a.height,
          width: a.width,
          maps: a.maps,
        };
      });
    },
  };
}
