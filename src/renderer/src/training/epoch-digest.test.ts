import { describe, expect, it } from 'vitest';
import { TrainingConfig, type EpochRecord } from '../../../shared/api/training';
import { planStages } from '../../../shared/domain/training';
import { digestEpochs } from './epoch-digest';

const plan = planStages(TrainingConfig.parse({ projectId: 1 }));

function record(fold: number, stage: number, epoch: number, extra: Partial<EpochRecord> = {}): EpochRecord {
  const idnet = stage === 1 || stage === 3;
  return {
    fold, stage, epoch, seconds: 2,
    losses: idnet ? { ce_d: 1 / epoch, total: 1 / epoch } : { ce_e: 2 / epoch, div: 0.5, mi: 0.01, total: 2 / epoch },
    trainAccuracy: idnet ? 0.9 : 0.4,
    validationAccuracy: idnet ? null : 0.3,
    ...extra,
  };
}

/** Every epoch of `counts` stages 1-4 for one fold. */
const foldRecords = (fold: number, counts: number[]) => counts.flatMap((n, s) => Array.from({ length: n }, (_, e) => record(fold, s + 1, e + 1)));

describe('digestEpochs', () => {
  const records = [...foldRecords(0, [2, 3, 2, 3]), ...foldRecords(1, [2, 1, 0, 0])];

  it('draws the latest fold unless another is asked for, its stages one after another', () => {
    const latest = digestEpochs(records, { fold: null, plan, maxPoints: 100, recent: 3 });
    expect(latest.fold).toBe(1);
    expect(latest.foldsWithEpochs).toEqual([0, 1]);
    expect(latest.length).toBe(3);
    const first = digestEpochs(records, { fold: 0, plan, maxPoints: 100, recent: 3 });
    expect(first.stageStarts).toEqual([{ stage: 1, x: 1 }, { stage: 2, x: 3 }, { stage: 3, x: 6 }, { stage: 4, x: 8 }]);
    const total = first.losses.find((s) => s.key === 'total')!;
    expect(total.segments.map((points) => points.map(([x]) => x))).toEqual([[1, 2], [3, 4, 5], [6, 7], [8, 9, 10]]);
    // ce_d exists only in IDNet stages; identity accuracy is IDNet's, train accuracy MENet's.
    expect(first.losses.find((s) => s.key === 'ce_d')!.segments).toHaveLength(2);
    expect(first.accuracy.find((s) => s.key === 'identity')!.segments.flat().every(([, y]) => y === 0.9)).toBe(true);
    expect(first.accuracy.find((s) => s.key === 'train')!.segments.flat().every(([, y]) => y === 0.4)).toBe(true);
  });

  it('tallies epochs and seconds per fold and stage, and keeps the newest rows for the log', () => {
    const d = digestEpochs(records, { fold: null, plan, maxPoints: 100, recent: 2 });
    expect(d.tallies).toContainEqual({ fold: 0, stage: 2, epochs: 3, seconds: 6 });
    expect(d.recent.map((r) => [r.fold, r.stage, r.epoch])).toEqual([[1, 2, 1], [1, 1, 2]]);
  });

  it('holds no more points than a chart draws, however long the run', () => {
    const long = foldRecords(0, [500, 1500, 500, 1500]);
    const d = digestEpochs(long, { fold: 0, plan, maxPoints: 120, recent: 5 });
    for (const s of [...d.losses, ...d.accuracy]) {
      expect(s.segments.flat().length, s.key).toBeLessThanOrEqual(120 + 4);
    }
    expect(d.recent).toHaveLength(5);
  });
});
