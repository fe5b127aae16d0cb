import { describe, expect, it } from 'vitest';
import type { EpochRecord } from '../../../shared/api/training';
import { foldCurves } from './training-curves';

const row = (stage: number, epoch: number, losses: Record<string, number>, train: number | null, validation: number | null, fold = 0): EpochRecord => ({
  fold, stage, epoch, losses, trainAccuracy: train, validationAccuracy: validation, seconds: 1,
});

// A decoupled run's fold: IDNet (1), MENet + MINE (2), IDNet + MINE (3), MENet + MINE (4); another fold's rows mixed in.
const epochs = [
  row(4, 2, { ce_e: 1.1, mi: 0.05, total: 1.2 }, 0.7, 0.6),
  row(1, 1, { ce_d: 2.0, total: 2.0 }, 0.3, null),
  row(2, 1, { ce_e: 1.6, mi: 0.4, total: 1.7 }, 0.4, 0.3),
  row(3, 1, { ce_d: 1.5, mi: 0.2, total: 1.6 }, 0.5, null),
  row(4, 1, { ce_e: 1.3, mi: 0.1, total: 1.4 }, 0.6, 0.5),
  row(2, 1, { ce_e: 9, total: 9 }, 0.1, 0.1, 1),
];

describe('one fold as curves', () => {
  const curves = foldCurves(epochs, 0, 2);
  const ys = (name: string, list = curves.accuracy) => list.find((s) => s.name === name)!.points.map((p) => p.y);

  it('orders the fold by stage and epoch, and marks where each stage begins and the epoch kept', () => {
    expect(curves.epochs).toBe(5);
    expect(curves.markers).toEqual([
      { x: 1, label: 'Stage 1 · IDNet' },
      { x: 2, label: 'Stage 2 · MENet' },
      { x: 3, label: 'Stage 3 · IDNet' },
      { x: 4, label: 'Stage 4 · MENet' },
      { x: 5, label: 'kept (epoch 2)', emphasis: true },
    ]);
  });

  it('keeps emotion and identity accuracies apart', () => {
    expect(ys('MENet train (emotion)')).toEqual([null, 0.4, null, 0.6, 0.7]);
    expect(ys('IDNet train (identity)')).toEqual([0.3, null, 0.5, null, null]);
    expect(ys('MENet validation (emotion)')).toEqual([null, 0.3, null, 0.5, 0.6]);
  });

  it('plots the MI estimate by the branch being trained, and leaves it out of the losses', () => {
    expect(ys('MI while MENet trains', curves.mutualInformation)).toEqual([null, 0.4, null, 0.1, 0.05]);
    expect(ys('MI while IDNet trains', curves.mutualInformation)).toEqual([null, null, 0.2, null, null]);
    expect(curves.losses.map((s) => s.name)).toEqual(['L_ce_e (emotion)', 'L_ce_d (identity)', 'total']);
  });

  it('has no MI series for a run without IDNet and MINE', () => {
    expect(foldCurves(epochs, 1, 1).mutualInformation).toEqual([]);
  });
});
