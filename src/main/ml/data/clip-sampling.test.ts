import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { makeRng } from '../../../shared/domain/random';
import { framesOfPlan, framesOfRange, sampleClip } from './clip-sampling';

const frames = (event: { onset: number; apex: number | null; offset: number }, length: number, options: Parameters<typeof sampleClip>[1] | object = {}) =>
  sampleClip(event, { length, ...options }).picks.map((p) => p.frame);

describe('uniform sampling', () => {
  test('T positions over onset..offset, both ends included, rounded to the nearest frame', () => {
    // 10..24 with T = 8: step 14/7 = 2.
    expect(frames({ onset: 10, apex: 15, offset: 24 }, 8)).toEqual([10, 12, 14, 16, 18, 20, 22, 24]);
    // 0..10 with T = 4: step 10/3 → 0, 3.33, 6.67, 10 → 0, 3, 7, 10.
    expect(frames({ onset: 0, apex: 5, offset: 10 }, 4)).toEqual([0, 3, 7, 10]);
    // A range shorter than T repeats the nearest frames: 0..3 with T = 8, step 3/7 → 0, .43, .86, 1.29, 1.71, 2.14, 2.57, 3.
    expect(frames({ onset: 0, apex: 1, offset: 3 }, 8)).toEqual([0, 0, 1, 1, 2, 2, 3, 3]);
    // One frame: the middle (12.5 rounds to 13).
    expect(frames({ onset: 10, apex: null, offset: 15 }, 1)).toEqual([13]);
  });

  test('onset..apex when asked; a missing apex falls back to onset..offset and says so', () => {
    const withApex = sampleClip({ onset: 0, apex: 6, offset: 20 }, { length: 4, range: 'onset-apex' });
    expect(withApex).toMatchObject({ from: 0, to: 6, range: 'onset-apex', note: null });
    expect(withApex.picks.map((p) => p.frame)).toEqual([0, 2, 4, 6]);
    const noApex = sampleClip({ onset: 0, apex: null, offset: 21 }, { length: 4, range: 'onset-apex' });
    expect(noApex).toMatchObject({ from: 0, to: 21, range: 'onset-offset', note: expect.stringMatching(/apex missing/) });
    expect(noApex.picks.map((p) => p.frame)).toEqual([0, 7, 14, 21]);
  });

  test('a pick on a frame without an image takes the nearest frame that has one (the earlier on a tie)', () => {
    // 0, 3, 7, 10 with 3, 7 and 8 missing: 3 → 2 (2 and 4 tie), 7 → 6 (8 is missing too).
    expect(frames({ onset: 0, apex: null, offset: 10 }, 4, { missingFrames: [3, 7, 8] })).toEqual([0, 2, 6, 10]);
    expect(() => sampleClip({ onset: 4, apex: null, offset: 5 }, { length: 2, missingFrames: [4, 5] })).toThrow(/no frame of 4\.\.5 has an image/);
  });

  test('impossible requests are refused', () => {
    expect(() => sampleClip({ onset: 9, apex: null, offset: 3 }, { length: 8 })).toThrow(/offset \(3\) comes before the onset \(9\)/);
    expect(() => sampleClip({ onset: 0, apex: null, offset: 3 }, { length: 0 })).toThrow(/at least 1/);
  });
});

describe('interpolation (TIM-style, linear)', () => {
  test('a range shorter than T blends the two neighbours of each fractional position', () => {
    // 0..3 with T = 8: positions i · 3/7.
    const plan = sampleClip({ onset: 0, apex: 2, offset: 3 }, { length: 8, interpolate: true });
    const expected = [[0, 0, 0], [0, 1, 3 / 7], [0, 1, 6 / 7], [1, 2, 2 / 7], [1, 2, 5 / 7], [2, 3, 1 / 7], [2, 3, 4 / 7], [3, 3, 0]];
    plan.picks.forEach((p, i) => {
      const [frame, next, weight] = expected[i]!;
      expect([p.frame, p.nextFrame]).toEqual([frame, next]);
      expect(p.weight).toBeCloseTo(weight!, 12);
    });
    expect(framesOfPlan(plan)).toEqual([0, 1, 2, 3]);
  });

  test('a range of at least T frames is not interpolated', () => {
    const plan = sampleClip({ onset: 0, apex: 5, offset: 10 }, { length: 4, interpolate: true });
    expect(plan.picks).toEqual([0, 3, 7, 10].map((f) => ({ frame: f, nextFrame: f, weight: 0 })));
  });
});

describe('jittered sampling', () => {
  test('the same seed gives the same clip; picks stay ordered, in range and within half a step of the uniform ones', () => {
    const event = { onset: 100, apex: 110, offset: 128 };
    const a = sampleClip(event, { length: 8, jitter: makeRng(5) }).picks;
    expect(sampleClip(event, { length: 8, jitter: makeRng(5) }).picks).toEqual(a);
    // Uniform positions 100 + 4i; jitter moves each by at most ±2.
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        const picked = frames(event, 8, { jitter: makeRng(seed) });
        picked.forEach((f, i) => {
          expect(Math.abs(f - (100 + 4 * i))).toBeLessThanOrEqual(2);
          if (i > 0) expect(f).toBeGreaterThanOrEqual(picked[i - 1]!);
        });
      }),
      { numRuns: 200 },
    );
  });

  test('over many draws, every frame of the range can be picked (the augmentation reaches all of it)', () => {
    const rng = makeRng(1);
    const seen = new Set<number>();
    for (let i = 0; i < 300; i++) for (const f of frames({ onset: 0, apex: null, offset: 28 }, 8, { jitter: rng })) seen.add(f);
    expect([...seen].sort((a, b) => a - b)).toEqual(framesOfRange({ from: 0, to: 28 }));
  });
});

test('the frames of a range leave out the frames without an image', () => {
  expect(framesOfRange({ from: 4, to: 9 }, [5, 8, 20])).toEqual([4, 6, 7, 9]);
});
