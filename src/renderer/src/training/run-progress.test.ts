import { describe, expect, it } from 'vitest';
import { ablationRows, TrainingConfig } from '../../../shared/api/training';
import { planStages } from '../../../shared/domain/training';
import { formatDuration, runPosition, type PlannedFold } from './run-progress';

const plan = planStages(TrainingConfig.parse({ projectId: 1, training: { epochs: [2, 4, 2, 4] } }));
const folds: PlannedFold[] = [0, 1, 2].map((index) => ({ index, name: `fold ${index + 1} of 3` }));
/** Fold 0 done: IDNet epochs take 1 s, MENet epochs 3 s. */
const fold0 = [
  { fold: 0, stage: 1, epochs: 2, seconds: 2 },
  { fold: 0, stage: 2, epochs: 4, seconds: 12 },
  { fold: 0, stage: 3, epochs: 2, seconds: 2 },
  { fold: 0, stage: 4, epochs: 4, seconds: 12 },
];

describe('runPosition', () => {
  it('before the first epoch: fold 1, stage 1, epoch 1, and no estimate yet', () => {
    const p = runPosition({ plan, folds, finished: [], tallies: [] });
    expect(p.fold).toMatchObject({ position: 0, name: 'fold 1 of 3', done: 0, total: 12, remainingSeconds: null });
    expect(p.stage).toMatchObject({ position: 0, epoch: 1, done: 0, total: 2 });
    expect(p.stage!.plan.trains).toBe('idnet');
    expect(p.run).toMatchObject({ done: 0, total: 36, remainingSeconds: null });
  });

  it('mid-run: the fold, stage and epoch under way, with estimates from each stage\'s measured epochs', () => {
    const tallies = [...fold0, { fold: 1, stage: 1, epochs: 2, seconds: 2 }, { fold: 1, stage: 2, epochs: 1, seconds: 3 }];
    const p = runPosition({ plan, folds, finished: [0], tallies });
    expect(p.stage).toMatchObject({ position: 1, epoch: 2, done: 1, total: 4, seconds: 3, remainingSeconds: 9 });
    // Stage 2: 3 more at 3 s; stage 3: 2 at 1 s; stage 4: 4 at 3 s.
    expect(p.fold).toMatchObject({ position: 1, index: 1, done: 3, total: 12, seconds: 5, remainingSeconds: 23 });
    // And one more whole fold: 2 + 12 + 2 + 12 s.
    expect(p.run).toMatchObject({ done: 15, total: 36, seconds: 33, remainingSeconds: 51 });
  });

  it('a stage not measured yet is costed like the stages that train the same network, else like any epoch', () => {
    const tallies = [{ fold: 0, stage: 1, epochs: 2, seconds: 2 }, { fold: 0, stage: 2, epochs: 1, seconds: 3 }];
    const p = runPosition({ plan, folds: folds.slice(0, 1), finished: [], tallies });
    // Stage 2: 3 more at 3 s; stage 3 like stage 1 (1 s); stage 4 like stage 2 (3 s).
    expect(p.fold!.remainingSeconds).toBe(9 + 2 + 12);
    const idnetOnly = runPosition({ plan, folds: folds.slice(0, 1), finished: [], tallies: [{ fold: 0, stage: 1, epochs: 1, seconds: 2 }] });
    expect(idnetOnly.fold!.remainingSeconds).toBe(11 * 2);
  });

  it('a fold whose epochs are all done has no stage under way until its result is stored', () => {
    const p = runPosition({ plan, folds, finished: [], tallies: fold0 });
    expect(p.stage).toBeNull();
    expect(p.fold).toMatchObject({ position: 0, done: 12, remainingSeconds: 0 });
  });

  it('a finished run is all done, and a row without decoupling has its single MENet stage', () => {
    const done = runPosition({ plan, folds, finished: [0, 1, 2], tallies: fold0 });
    expect(done).toMatchObject({ fold: null, stage: null, run: { done: 36, total: 36, remainingSeconds: 0 } });
    const single = planStages(TrainingConfig.parse({ projectId: 1, ablation: ablationRows[3], training: { epochs: [2, 4, 2, 4] } }));
    const p = runPosition({ plan: single, folds, finished: [], tallies: [{ fold: 0, stage: 2, epochs: 2, seconds: 4 }] });
    expect(p.stage).toMatchObject({ epoch: 3, total: 8, remainingSeconds: 12 });
    expect(p.run.remainingSeconds).toBe(12 + 2 * 16);
  });
});

describe('formatDuration', () => {
  it('reads like a clock a person would say', () => {
    expect(formatDuration(42.4)).toBe('42 s');
    expect(formatDuration(185)).toBe('3 min 05 s');
    expect(formatDuration(7800)).toBe('2 h 10 min');
  });
});
