import type { Run } from '../../../shared/api/training';
import type { FoldAttention, IdentityProbe, PooledIdentityProbe, RunDiagnostics } from '../../../shared/api/training-diagnostics';
import { ApiError } from '../../../shared/api/errors';
import type { Db } from '../db/connection';
import { createTrainingDiagnosticsRepository } from '../db/repositories/training-diagnostics';

/**
 * Probes of several folds as one: every predicted clip counts once, and chance is the accuracy
 * guessing would reach on those clips (each fold's 1/subjects, weighted by its clips).
 */
export function poolProbes(probes: readonly (IdentityProbe | null)[]): PooledIdentityProbe | null {
  const present = probes.filter((p): p is IdentityProbe => p !== null);
  const testClips = present.reduce((s, p) => s + p.testClips, 0);
  if (testClips === 0) return null;
  const correct = present.reduce((s, p) => s + p.correct, 0);
  const chance = present.reduce((s, p) => s + p.chance * p.testClips, 0) / testClips;
  return { folds: present.length, testClips, correct, accuracy: correct / testClips, chance };
}

const foldName = (run: Run, fold: number) => run.folds.find((f) => f.fold === fold)?.name ?? `fold ${fold + 1}`;

/** The run's identity probes per finished fold and pooled, and how many attention samples each fold kept. */
export function runDiagnostics(db: Db, run: Run): RunDiagnostics {
  const folds = createTrainingDiagnosticsRepository(db)
    .list(run.id)
    .map((d) => ({ ...d, name: foldName(run, d.fold) }));
  return {
    dao: run.config.ablation.dao,
    decoupling: run.config.ablation.decoupling,
    folds,
    pooled: { before: poolProbes(folds.map((f) => f.identityBefore)), after: poolProbes(folds.map((f) => f.identityAfter)) },
  };
}

/** A finished fold's attention samples (none when the run's MENet has no DAO). */
export function foldAttention(db: Db, run: Run, fold: number): FoldAttention {
  const samples = createTrainingDiagnosticsRepository(db).attention(run.id, fold);
  if (samples === undefined) {
    const finished = run.folds.map((f) => f.fold + 1).join(', ');
    throw new ApiError('NOT_FOUND', `Run ${run.id} has no diagnostics for fold ${fold + 1}${finished ? ` (finished folds: ${finished})` : ' (no fold has finished)'}`);
  }
  return { fold, name: foldName(run, fold), samples: samples ?? [] };
}
