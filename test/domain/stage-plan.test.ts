import { describe, expect, it } from 'vitest';
import { ablationRows, TrainingConfig } from '../../src/shared/api/training';
import { networksOf, planStages, totalEpochs } from '../../src/shared/domain/training';

const configOf = (row: keyof typeof ablationRows) => TrainingConfig.parse({ projectId: 1, ablation: ablationRows[row], training: { epochs: [3, 5, 2, 7] } });

describe('the stage plan of each ablation row', () => {
  it('runs the four stages of Table 4 when decoupling is on, in order, with the right nets frozen', () => {
    const plan = planStages(configOf(6));
    expect(plan.map((s) => [s.stage, s.trains, s.epochs, s.frozen])).toEqual([
      [1, 'idnet', 3, []],
      [2, 'menet', 5, ['idnet']],
      [3, 'idnet', 2, ['menet']],
      [4, 'menet', 7, ['idnet']],
    ]);
    expect(plan.map((s) => s.adversary)).toEqual([false, true, true, true]);
    expect(plan[1]!.loss).toEqual({ crossEntropy: true, divergence: 0.1, mutualInformation: 0.1 });
    expect(plan[2]!.loss).toEqual({ crossEntropy: true, mutualInformation: 0.1 });
    expect(plan.filter((s) => s.evaluated).map((s) => s.stage)).toEqual([4]);
  });

  it('trains MENet alone for stages 2 + 4 epochs without decoupling, and builds no IDNet or MINE', () => {
    for (const row of [1, 2, 3] as const) {
      const plan = planStages(configOf(row));
      expect(plan).toHaveLength(1);
      expect(plan[0]).toMatchObject({ trains: 'menet', epochs: 12, adversary: false, evaluated: true });
      expect(plan[0]!.loss.mutualInformation).toBeUndefined();
      expect(networksOf(configOf(row))).toEqual({ idnet: false, mine: false });
    }
    expect(networksOf(configOf(4))).toEqual({ idnet: true, mine: true });
  });

  it('adds the divergence loss only in rows that have it', () => {
    const hasDiv = (row: keyof typeof ablationRows) => planStages(configOf(row)).some((s) => s.loss.divergence !== undefined);
    expect([1, 2, 3, 4, 5, 6].map((r) => hasDiv(r as keyof typeof ablationRows))).toEqual([false, false, true, false, false, true]);
    expect(totalEpochs(planStages(configOf(6)))).toBe(17);
  });
});
