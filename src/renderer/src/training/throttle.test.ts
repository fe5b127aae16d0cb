import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createThrottle } from './throttle';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('createThrottle', () => {
  it('calls at once, then once at the end of the wait however often it is poked', () => {
    const fn = vi.fn();
    const throttle = createThrottle(fn, 1000, () => Date.now());
    throttle.poke();
    expect(fn).toHaveBeenCalledTimes(1);
    for (let i = 0; i < 20; i++) {
      vi.advanceTimersByTime(40);
      throttle.poke();
    }
    expect(fn).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(1000);
    expect(fn).toHaveBeenCalledTimes(2);
    vi.advanceTimersByTime(5000);
    expect(fn).toHaveBeenCalledTimes(2);
  });

  it('makes no call after it is cancelled', () => {
    const fn = vi.fn();
    const throttle = createThrottle(fn, 1000, () => Date.now());
    throttle.poke();
    throttle.poke();
    throttle.cancel();
    vi.advanceTimersByTime(2000);
    expect(fn).toHaveBeenCalledTimes(1);
  });
});
