import { describe, expect, it } from 'vitest';
import { ablationRows, type Run } from '../../../shared/api/training';
import { formatSpread, repeatSets, spreadOf } from './repeat-stats';
import { makeRun } from './test-runs';

const seeded = (run: Run, seed: number, changes: Partial<Run> = {}): Run => ({ ...run, ...changes, config: { ...run.config, seed } });

describe('mean ± standard deviation over repeats', () => {
  it('uses the sample standard deviation and leaves out missing values', () => {
    // 0.5, 0.6, 0.7: mean 0.6, sample variance ((0.1)² + 0 + (0.1)²) / 2 = 0.01.
    const spread = spreadOf([0.5, null, 0.7, 0.6]);
    expect(spread!.mean).toBeCloseTo(0.6);
    expect(spread!.sd).toBeCloseTo(0.1);
    expect(spread!.n).toBe(3);
    expect(spreadOf([0.4])).toEqual({ mean: 0.4, sd: null, n: 1 });
    expect(spreadOf([null])).toBeNull();
  });

  it('groups runs that differ only in their seed, and averages the succeeded ones', () => {
    const a = seeded(makeRun({ id: 1, accuracy: 0.5, uf1: 0.4, uar: 0.45 }), 1);
    const b = seeded(makeRun({ id: 2, accuracy: 0.7, uf1: 0.6, uar: 0.65 }), 2);
    const running = seeded(makeRun({ id: 3, accuracy: 0.1 }), 3, { status: 'running' });
    const otherRow = seeded(makeRun({ id: 4, ablation: ablationRows[1], accuracy: 0.9 }), 1);
    const sets = repeatSets([a, otherRow, b, running]);
    expect(sets).toHaveLength(1);
    const [set] = sets;
    expect(set!.runs.map((r) => r.id)).toEqual([1, 2, 3]);
    expect(set!.seeds).toEqual([1, 2, 3]);
    expect(set!.finished).toBe(2);
    expect(set!.accuracy!.mean).toBeCloseTo(0.6);
    expect(set!.accuracy!.sd).toBeCloseTo(Math.SQRT2 * 0.1);
    expect(set!.uf1!.mean).toBeCloseTo(0.5);
    expect(set!.uar!.mean).toBeCloseTo(0.55);
  });

  it('rows of an ablation matrix with repeats make one set per row; a single run makes none', () => {
    const runs = [1, 2].flatMap((seed) => [seeded(makeRun({ id: seed, ablation: ablationRows[1] }), seed), seeded(makeRun({ id: 10 + seed }), seed)]);
    expect(repeatSets(runs).map((s) => s.runs.map((r) => r.id))).toEqual([[1, 2], [11, 12]]);
    expect(repeatSets([makeRun()])).toEqual([]);
  });

  it('prints accuracy in percent and scores to four places', () => {
    expect(formatSpread({ mean: 0.6, sd: 0.1414, n: 2 }, 'accuracy')).toBe('60.0 ± 14.1 %');
    expect(formatSpread({ mean: 0.5, sd: 0.02, n: 2 }, 'score')).toBe('0.5000 ± 0.0200');
    expect(formatSpread({ mean: 0.5, sd: null, n: 1 }, 'score')).toBe('0.5000');
    expect(formatSpread(null, 'score')).toBe('—');
  });
});
