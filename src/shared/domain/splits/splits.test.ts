import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { makeSplit, subjectLeaks, type Protocol, type SplitSample } from '.';

const sampleSet = fc
  .array(fc.record({ subject: fc.integer({ min: 1, max: 12 }), label: fc.constantFrom('neg', 'pos', 'sur'), dataset: fc.constantFrom('casme2', 'samm') }), { minLength: 12, maxLength: 120 })
  .map((rows) => rows.map((r, id): SplitSample => ({ id: id + 1, subject: `${r.dataset}/s${r.subject}`, label: r.label, dataset: r.dataset })))
  .filter((samples) => new Set(samples.map((s) => s.subject)).size >= 5 && new Set(samples.map((s) => s.dataset)).size === 2);

describe('subject-independent protocols', () => {
  for (const protocol of ['kfold', 'loso', 'megc', 'lodo', 'holdout'] as Protocol[]) {
    test(`${protocol}: sides are disjoint, every sample is placed, and no subject crosses sides`, () => {
      fc.assert(
        fc.property(sampleSet, fc.integer(), (samples, seed) => {
          const split = makeSplit(samples, { protocol, seed });
          expect(split.subjectDependent).toBe(false);
          const all = samples.map((s) => s.id).sort((a, b) => a - b);
          for (const fold of split.folds) {
            const sides = [...fold.train, ...fold.validation, ...fold.test];
            expect(new Set(sides).size).toBe(sides.length);
            expect([...sides].sort((a, b) => a - b)).toEqual(all);
          }
          if (protocol !== 'holdout') {
            const tested = split.folds.flatMap((f) => f.test).sort((a, b) => a - b);
            expect(tested).toEqual(all);
          }
          expect(subjectLeaks(split, samples)).toEqual([]);
          expect(makeSplit(samples, { protocol, seed })).toEqual(split);
        }),
        { numRuns: 60 },
      );
    });
  }

  test('k-fold keeps each fold near the class balance of the whole', () => {
    // 40 subjects with 6 samples each in varying class mixes.
    const samples: SplitSample[] = [];
    for (let s = 0; s < 40; s++) for (let j = 0; j < 6; j++) samples.push({ id: samples.length + 1, subject: `s${s}`, label: ['neg', 'pos', 'sur'][(s + j * (s % 3)) % 3]! });
    const split = makeSplit(samples, { protocol: 'kfold', seed: 7, folds: 5 });
    const labelOf = new Map(samples.map((s) => [s.id, s.label]));
    const overall = (label: string) => samples.filter((s) => s.label === label).length / samples.length;
    for (const fold of split.folds) {
      expect(fold.test.length).toBeGreaterThanOrEqual(42);
      expect(fold.test.length).toBeLessThanOrEqual(54);
      for (const label of ['neg', 'pos', 'sur']) {
        const share = fold.test.filter((id) => labelOf.get(id) === label).length / fold.test.length;
        // Subjects come in blocks of 6 samples in folds of ~48: one subject moves a share by 0.125.
        expect(Math.abs(share - overall(label))).toBeLessThan(0.1);
      }
    }
  });

  test('different seeds give different k-fold splits; too few subjects are refused', () => {
    const samples: SplitSample[] = Array.from({ length: 60 }, (_, i) => ({ id: i + 1, subject: `s${i % 20}`, label: ['a', 'b'][i % 2]! }));
    expect(makeSplit(samples, { protocol: 'kfold', seed: 1 }).folds).not.toEqual(makeSplit(samples, { protocol: 'kfold', seed: 2 }).folds);
    expect(() => makeSplit(samples.filter((s) => ['s1', 's2', 's3'].includes(s.subject)), { protocol: 'kfold', seed: 1 })).toThrow(/needs at least 5 subjects; there are 3/);
  });

  test('LOSO names each fold by its subject; validation subjects come from training subjects only', () => {
    const samples: SplitSample[] = Array.from({ length: 30 }, (_, i) => ({ id: i + 1, subject: `sub${i % 6}`, label: 'x' }));
    const split = makeSplit(samples, { protocol: 'loso', seed: 3 });
    expect(split.folds.map((f) => f.name)).toEqual(['subject sub0', 'subject sub1', 'subject sub2', 'subject sub3', 'subject sub4', 'subject sub5']);
    const subjectOf = new Map(samples.map((s) => [s.id, s.subject]));
    for (const f of split.folds) {
      expect(f.validation.length).toBeGreaterThan(0);
      const test = new Set(f.test.map((id) => subjectOf.get(id)));
      expect(f.validation.some((id) => test.has(subjectOf.get(id)))).toBe(false);
    }
  });
});

test('the subject-dependent k-fold says so, and does let subjects cross sides', () => {
  const samples: SplitSample[] = Array.from({ length: 50 }, (_, i) => ({ id: i + 1, subject: `s${i % 5}`, label: ['a', 'b'][i % 2]! }));
  const split = makeSplit(samples, { protocol: 'kfold-subject-dependent', seed: 1 });
  expect(split.subjectDependent).toBe(true);
  expect(split.folds[0]!.name).toMatch(/subject-dependent/);
  expect(subjectLeaks(split, samples).length).toBeGreaterThan(0);
});
