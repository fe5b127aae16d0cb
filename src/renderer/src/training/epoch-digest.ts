import type { EpochRecord } from '../../../shared/api/training';
import type { StagePlan } from '../../../shared/domain/training';
import { downsampleMinMax, type Point } from './downsample';

/** Epochs finished and seconds they took, per fold and stage: all the run view needs for progress and estimates. */
export interface EpochTally {
  fold: number;
  stage: number;
  epochs: number;
  seconds: number;
}

/** One line of a chart, cut at stage boundaries (a stage trains another network or loss, so its values do not join). */
export interface CurveSeries {
  key: string;
  segments: Point[][];
}

export const lossTerms = ['total', 'ce_e', 'ce_d', 'div', 'mi'] as const;
export const accuracyTerms = ['train', 'validation', 'identity'] as const;

/**
 * What the run view keeps of a run's epoch rows: tallies, one fold's curves downsampled to what
 * the charts draw, and the last few rows for the log. The rows themselves are not kept.
 */
export interface EpochDigest {
  tallies: EpochTally[];
  /** The fold the curves are of: the one asked for, else the last with epochs; null before the first epoch. */
  fold: number | null;
  /** Folds that have epochs, in order (to choose the curves' fold). */
  foldsWithEpochs: number[];
  /** Epochs of that fold so far: the x extent of the curves (x = 1 is its first epoch). */
  length: number;
  stageStarts: { stage: number; x: number }[];
  losses: CurveSeries[];
  accuracy: CurveSeries[];
  /** The last rows, newest first. */
  recent: EpochRecord[];
}

export interface DigestOptions {
  fold: number | null;
  plan: readonly StagePlan[];
  /** Points per series at most (split over its stages by their length). */
  maxPoints: number;
  recent: number;
}

function tally(records: readonly EpochRecord[]): EpochTally[] {
  const byKey = new Map<string, EpochTally>();
  for (const r of records) {
    const key = `${r.fold}/${r.stage}`;
    const t = byKey.get(key) ?? { fold: r.fold, stage: r.stage, epochs: 0, seconds: 0 };
    t.epochs += 1;
    t.seconds += r.seconds;
    byKey.set(key, t);
  }
  return [...byKey.values()].sort((a, b) => a.fold - b.fold || a.stage - b.stage);
}

function series(key: string, stages: EpochRecord[][], firstX: number[], value: (r: EpochRecord) => number | null | undefined, budget: (n: number) => number): CurveSeries {
  const segments = stages
    .map((rows, s) => rows.flatMap((r, i): Point[] => {
      const v = value(r);
      return v === null || v === undefined || !Number.isFinite(v) ? [] : [[firstX[s]! + i, v]];
    }))
    .filter((points) => points.length > 0)
    .map((points) => downsampleMinMax(points, budget(points.length)));
  return { key, segments };
}

export function digestEpochs(records: readonly EpochRecord[], options: DigestOptions): EpochDigest {
  const tallies = tally(records);
  const foldsWithEpochs = [...new Set(tallies.map((t) => t.fold))];
  const fold = options.fold !== null && foldsWithEpochs.includes(options.fold) ? options.fold : (foldsWithEpochs.at(-1) ?? null);
  const rows = records.filter((r) => r.fold === fold).sort((a, b) => a.stage - b.stage || a.epoch - b.epoch);
  const stageNumbers = [...new Set(rows.map((r) => r.stage))];
  const stages = stageNumbers.map((stage) => rows.filter((r) => r.stage === stage));
  const firstX = stages.map((_, s) => 1 + stages.slice(0, s).reduce((n, rs) => n + rs.length, 0));
  const budget = (n: number) => Math.max(2, Math.round((options.maxPoints * n) / Math.max(1, rows.length)));
  const trains = (r: EpochRecord) => options.plan.find((s) => s.stage === r.stage)?.trains;
  return {
    tallies,
    fold,
    foldsWithEpochs,
    length: rows.length,
    stageStarts: stageNumbers.map((stage, s) => ({ stage, x: firstX[s]! })),
    losses: lossTerms.map((term) => series(term, stages, firstX, (r) => r.losses[term], budget)),
    accuracy: [
      series('train', stages, firstX, (r) => (trains(r) === 'menet' ? r.trainAccuracy : null), budget),
      series('validation', stages, firstX, (r) => r.validationAccuracy, budget),
      series('identity', stages, firstX, (r) => (trains(r) === 'idnet' ? r.trainAccuracy : null), budget),
    ],
    recent: [...records].sort((a, b) => b.fold - a.fold || b.stage - a.stage || b.epoch - a.epoch).slice(0, options.recent),
  };
}
