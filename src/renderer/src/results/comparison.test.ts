import { describe, expect, it } from 'vitest';
import { ablationRows } from '../../../shared/api/training';
import { ablationLines, ablationRowOf, classUnion, confounders } from './comparison';
import { makeRun } from './test-runs';

describe('the ablation matrix', () => {
  it('knows each of the six rows of Table 5 by its switches', () => {
    for (const row of [1, 2, 3, 4, 5, 6] as const) expect(ablationRowOf(ablationRows[row])).toBe(row);
  });

  it('puts runs in row order and gives each its difference from the first row and from the row above', () => {
    const six = makeRun({ id: 3, ablation: ablationRows[6], accuracy: 0.54, uf1: 0.5, uar: 0.52 });
    const one = makeRun({ id: 4, ablation: ablationRows[1], accuracy: 0.4, uf1: 0.35, uar: 0.38 });
    const four = makeRun({ id: 5, ablation: ablationRows[4], accuracy: 0.45, uf1: null, uar: 0.41 });
    const lines = ablationLines([six, one, four]);
    expect(lines.map((l) => l.row)).toEqual([1, 4, 6]);
    expect(lines[0]!.vsPrevious).toBeNull();
    expect(lines[0]!.vsFirst.accuracy).toBe(0);
    expect(lines[2]!.vsFirst.accuracy).toBeCloseTo(0.14);
    expect(lines[2]!.vsPrevious!.accuracy).toBeCloseTo(0.09);
    // A missing value (0/0) makes the difference missing, not a number.
    expect(lines[1]!.vsFirst.uf1).toBeNull();
    expect(lines[2]!.vsPrevious!.uf1).toBeNull();
  });
});

describe('comparing runs', () => {
  it('names what besides the model differs between runs', () => {
    const full = makeRun({ id: 1 });
    expect(confounders([full, makeRun({ id: 2, ablation: ablationRows[1] })])).toEqual([]);
    const oneFold = makeRun({ id: 3, folds: [{ name: 'fold 1', truth: [0, 1], predicted: [0, 1] }] });
    oneFold.config = { ...oneFold.config, protocol: { ...oneFold.config.protocol, onlyFolds: [0] } };
    expect(confounders([full, oneFold])).toEqual(['protocol or folds', 'number of test samples']);
    expect(confounders([full, makeRun({ classes: ['negative', 'positive'] })])).toEqual(['classes']);
  });

  it('lists every class of the runs once, in the order first seen', () => {
    expect(classUnion([{ classes: ['negative', 'positive'] }, { classes: ['positive', 'surprise'] }])).toEqual(['negative', 'positive', 'surprise']);
  });
});
