import { describe, expect, it } from 'vitest';
import { advance, framesElapsed, frameSeconds, prefetchOrder, tickStep } from './frame-math';

const ntsc = { num: 30000, den: 1001 };

describe('frameSeconds', () => {
  it('measures from the first frame with the exact rational rate', () => {
    expect(frameSeconds(46, 46, { num: 50, den: 1 })).toBe(0);
    expect(frameSeconds(96, 46, { num: 50, den: 1 })).toBe(1);
    expect(frameSeconds(30000, 0, ntsc)).toBeCloseTo(1001, 9);
  });
});

describe('framesElapsed', () => {
  it('counts whole frames at the native rate and when slowed', () => {
    expect(framesElapsed(19.99, { num: 50, den: 1 }, { num: 1, den: 1 })).toBe(0);
    expect(framesElapsed(20, { num: 50, den: 1 }, { num: 1, den: 1 })).toBe(1);
    expect(framesElapsed(1000, { num: 50, den: 1 }, { num: 1, den: 4 })).toBe(12);
    expect(framesElapsed(1001 * 1000, ntsc, { num: 1, den: 1 })).toBe(30000);
  });
});

describe('advance', () => {
  const span = { first: 0, last: 99, loop: null };
  it('stops at either end', () => {
    expect(advance(98, 5, 1, span)).toEqual({ frame: 99, ended: true });
    expect(advance(2, 5, -1, span)).toEqual({ frame: 0, ended: true });
    expect(advance(10, 5, 1, span)).toEqual({ frame: 15, ended: false });
  });

  it('wraps inside a loop, both ways', () => {
    const looped = { ...span, loop: { from: 10, to: 19 } };
    expect(advance(18, 3, 1, looped).frame).toBe(11);
    expect(advance(11, 3, -1, looped).frame).toBe(18);
    expect(advance(10, 20, 1, looped).frame).toBe(10);
  });

  it('ignores the loop when playback starts outside it', () => {
    expect(advance(50, 3, 1, { ...span, loop: { from: 10, to: 19 } }).frame).toBe(53);
  });
});

describe('prefetchOrder', () => {
  it('starts at the target and favours the playing direction', () => {
    expect(prefetchOrder(10, 0, 99, 3, 1, 1)).toEqual([10, 11, 9, 12, 13]);
    expect(prefetchOrder(10, 0, 99, 2, 1, -1)).toEqual([10, 9, 11, 8]);
    expect(prefetchOrder(1, 0, 2, 3, 3, 1)).toEqual([1, 2, 0]);
  });
});

describe('tickStep', () => {
  it('picks 1-2-5 steps', () => {
    expect(tickStep(0.01, 60)).toBe(1);
    expect(tickStep(0.1, 60)).toBe(10);
    expect(tickStep(0.3, 60)).toBe(20);
    expect(tickStep(3, 60)).toBe(200);
  });
});
