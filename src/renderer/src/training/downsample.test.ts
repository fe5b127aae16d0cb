import { describe, expect, it } from 'vitest';
import { downsampleMinMax, type Point } from './downsample';

const series = (n: number, y: (i: number) => number): Point[] => Array.from({ length: n }, (_, i) => [i + 1, y(i)]);

describe('downsampleMinMax', () => {
  it('leaves a series that fits alone', () => {
    const points = series(10, (i) => i);
    expect(downsampleMinMax(points, 10)).toEqual(points);
  });

  it('keeps at most the budget, the first and last points, and x in order', () => {
    for (const budget of [2, 3, 7, 100]) {
      const kept = downsampleMinMax(series(5000, (i) => Math.sin(i / 50)), budget);
      expect(kept.length).toBeLessThanOrEqual(budget);
      expect(kept[0]).toEqual([1, 0]);
      expect(kept.at(-1)![0]).toBe(5000);
      expect(kept.every((p, i) => i === 0 || p[0] > kept[i - 1]![0])).toBe(true);
    }
  });

  it('keeps a one-epoch spike that an average would flatten', () => {
    const kept = downsampleMinMax(series(3000, (i) => (i === 1234 ? 9 : 1)), 60);
    expect(kept).toContainEqual([1235, 9]);
  });
});
