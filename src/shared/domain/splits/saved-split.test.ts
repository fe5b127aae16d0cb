import { describe, expect, test } from 'vitest';
import { splitFromFolds, type SplitSample } from '.';

const samples: SplitSample[] = [1, 2, 3, 4, 5, 6].map((id) => ({ id, subject: `s${Math.ceil(id / 2)}`, label: id % 2 ? 'a' : 'b' }));

describe('a split given fold by fold (saved by the Export page)', () => {
  test('keeps the folds as they are, in order, with their names', () => {
    const saved = [
      { name: 'subject s1', train: [3, 4], validation: [5, 6], test: [1, 2] },
      { name: 'subject s2', train: [1, 2], validation: [5, 6], test: [3, 4] },
    ];
    const split = splitFromFolds(saved, samples, 7);
    expect(split).toEqual({ protocol: 'saved', seed: 7, subjectDependent: false, folds: saved.map((f, index) => ({ index, ...f })) });
  });

  test('names events it does not find among the samples', () => {
    expect(() => splitFromFolds([{ name: 'f', train: [1, 2, 98], validation: [], test: [3, 99] }], samples, 1)).toThrow('The saved split names 2 events that are not among the samples (deleted, or left out by the data choices): 98, 99');
  });

  test('refuses an event on two sides, and says when a subject crosses sides', () => {
    expect(() => splitFromFolds([{ name: 'fold 1', train: [1, 2], validation: [], test: [2, 3] }], samples, 1)).toThrow('fold 1 of the saved split puts an event on two sides');
    expect(splitFromFolds([{ name: 'f', train: [1, 3], validation: [], test: [2, 4] }], samples, 1).subjectDependent).toBe(true);
  });
});
