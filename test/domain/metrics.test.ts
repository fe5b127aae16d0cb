import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { confusionMatrix, evaluateFolds, evaluatePredictions } from '../../src/shared/domain/metrics';

describe('one set of predictions', () => {
  test('confusion matrix, accuracy, per-class scores, UF1 and UAR of a 3-class case worked by hand', () => {
    const e = evaluatePredictions([0, 0, 0, 1, 1, 2], [0, 0, 1, 1, 2, 2], 3);
    // Rows are the true class, columns the prediction.
    expect(e.matrix).toEqual([
      [2, 1, 0],
      [0, 1, 1],
      [0, 0, 1],
    ]);
    // Accuracy: diagonal 2 + 1 + 1 = 4 of 6.
    expect(e.accuracy).toBeCloseTo(4 / 6, 12);
    // Class 0: TP 2, FP 0, FN 1 → recall 2/3, precision 2/2, F1 = 4 / (4 + 0 + 1) = 4/5.
    // Class 1: TP 1, FP 1, FN 1 → recall 1/2, precision 1/2, F1 = 2 / (2 + 1 + 1) = 1/2.
    // Class 2: TP 1, FP 1, FN 0 → recall 1,   precision 1/2, F1 = 2 / (2 + 1 + 0) = 2/3.
    expect(e.perClass.map((c) => [c.truePositives, c.falsePositives, c.falseNegatives, c.support])).toEqual([[2, 0, 1, 3], [1, 1, 1, 2], [1, 1, 0, 1]]);
    const expected = [
      { recall: 2 / 3, precision: 1, f1: 4 / 5 },
      { recall: 1 / 2, precision: 1 / 2, f1: 1 / 2 },
      { recall: 1, precision: 1 / 2, f1: 2 / 3 },
    ];
    e.perClass.forEach((c, i) => {
      expect(c.recall).toBeCloseTo(expected[i]!.recall, 12);
      expect(c.precision).toBeCloseTo(expected[i]!.precision, 12);
      expect(c.f1).toBeCloseTo(expected[i]!.f1, 12);
    });
    // UF1 = (4/5 + 1/2 + 2/3) / 3 = (24 + 15 + 20) / 90 = 59/90; UAR = (2/3 + 1/2 + 1) / 3 = 13/18.
    expect(e.uf1).toBeCloseTo(59 / 90, 12);
    expect(e.uar).toBeCloseTo(13 / 18, 12);
    expect(e.averagedClasses).toEqual([0, 1, 2]);
  });

  test('a degenerate fold with a single true class averages over that class only', () => {
    // Truth is all class 2 of 3; two right, one predicted as class 0.
    const e = evaluatePredictions([2, 2, 2], [2, 0, 2], 3);
    // Class 2: TP 2, FP 0, FN 1 → recall 2/3, F1 = 4 / (4 + 0 + 1) = 4/5.
    // Class 0: no samples, predicted once → recall undefined, precision 0/1, F1 = 0 / (0 + 1 + 0) = 0.
    // Class 1: neither present nor predicted → all undefined.
    expect(e.averagedClasses).toEqual([2]);
    expect(e.uar).toBeCloseTo(2 / 3, 12);
    expect(e.uf1).toBeCloseTo(4 / 5, 12);
    expect(e.accuracy).toBeCloseTo(2 / 3, 12);
    expect(e.perClass[0]).toMatchObject({ support: 0, recall: null, precision: 0, f1: 0 });
    expect(e.perClass[1]).toMatchObject({ support: 0, recall: null, precision: null, f1: null });
  });

  test('perfect predictions score 1 everywhere; an empty set has no scores rather than NaN', () => {
    const perfect = evaluatePredictions([0, 1, 2, 1], [0, 1, 2, 1], 3);
    expect([perfect.accuracy, perfect.uf1, perfect.uar]).toEqual([1, 1, 1]);
    const empty = evaluatePredictions([], [], 3);
    expect(empty).toMatchObject({ samples: 0, accuracy: null, uf1: null, uar: null, averagedClasses: [] });
  });

  test('mismatched lengths and indices outside the classes are refused', () => {
    expect(() => confusionMatrix([0, 1], [0], 2)).toThrow(/2 true classes but 1 predictions/);
    expect(() => confusionMatrix([0, 3], [0, 1], 3)).toThrow(/true class 3 is not a class index in 0\.\.2/);
    expect(() => confusionMatrix([0, 1], [0, 1.5], 3)).toThrow(/predicted class 1\.5/);
  });
});

describe('folds', () => {
  test('pooled UF1 and UAR sum TP/FP/FN over folds before averaging, which differs from the mean of the folds', () => {
    const { folds, pooled } = evaluateFolds(
      [
        // Fold A: matrix [[3, 0], [1, 0]].
        { truth: [0, 0, 0, 1], predicted: [0, 0, 0, 0] },
        // Fold B (one true class): matrix [[0, 0], [1, 1]].
        { truth: [1, 1], predicted: [1, 0] },
      ],
      2,
    );
    // A: class 0 TP 3, FP 1, FN 0 → F1 6/7, recall 1; class 1 TP 0, FN 1 → F1 0, recall 0.
    expect(folds[0]!.uf1).toBeCloseTo((6 / 7 + 0) / 2, 12);
    expect(folds[0]!.uar).toBeCloseTo((1 + 0) / 2, 12);
    // B: only class 1 has samples: TP 1, FP 0, FN 1 → F1 2/3, recall 1/2.
    expect(folds[1]!.averagedClasses).toEqual([1]);
    expect(folds[1]!.uf1).toBeCloseTo(2 / 3, 12);
    expect(folds[1]!.uar).toBeCloseTo(1 / 2, 12);
    // Pooled matrix [[3, 0], [2, 1]]: class 0 TP 3, FP 2, FN 0 → F1 6/8, recall 1;
    // class 1 TP 1, FP 0, FN 2 → F1 2/4, recall 1/3. UF1 = (3/4 + 1/2) / 2 = 5/8, UAR = (1 + 1/3) / 2 = 2/3.
    expect(pooled.matrix).toEqual([[3, 0], [2, 1]]);
    expect(pooled.uf1).toBeCloseTo(5 / 8, 12);
    expect(pooled.uar).toBeCloseTo(2 / 3, 12);
    expect(pooled.accuracy).toBeCloseTo(4 / 6, 12);
    // The mean of the folds' UF1 would be (3/7 + 2/3) / 2 = 23/42, not 5/8.
    expect(pooled.uf1).not.toBeCloseTo(23 / 42, 3);
  });

  test('pooling folds equals evaluating all predictions as one set', () => {
    const fold = fc.integer({ min: 0, max: 12 }).chain((n) => fc.record({ truth: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: n, maxLength: n }), predicted: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: n, maxLength: n }) }));
    fc.assert(
      fc.property(fc.array(fold, { maxLength: 6 }), (folds) => {
        const { pooled } = evaluateFolds(folds, 4);
        const all = evaluatePredictions(folds.flatMap((f) => f.truth), folds.flatMap((f) => f.predicted), 4);
        expect(pooled).toEqual(all);
      }),
      { numRuns: 100 },
    );
  });
});
