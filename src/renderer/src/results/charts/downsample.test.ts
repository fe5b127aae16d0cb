import { describe, expect, it } from 'vitest';
import { downsample, type Point } from './downsample';

const line = (n: number, y: (i: number) => number): Point[] => Array.from({ length: n }, (_, i) => ({ x: i, y: y(i) }));

describe('downsampling a curve', () => {
  it('leaves a short curve as it is', () => {
    const points = line(10, (i) => i * i);
    expect(downsample(points, 300)).toEqual(points);
  });

  it('keeps at most the asked number of points, the first and the last, in order', () => {
    const points = line(5000, (i) => Math.sin(i / 50));
    const kept = downsample(points, 200);
    expect(kept).toHaveLength(200);
    expect(kept[0]).toEqual(points[0]);
    expect(kept.at(-1)).toEqual(points.at(-1));
    expect(kept.every((p, i) => i === 0 || p.x > kept[i - 1]!.x)).toBe(true);
  });

  it('keeps a one-epoch spike that striding would skip', () => {
    const points = line(1000, (i) => (i === 503 ? 10 : 0));
    expect(downsample(points, 50).some((p) => p.y === 10)).toBe(true);
  });
});
