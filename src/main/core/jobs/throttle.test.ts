import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { createThrottle } from './throttle';

beforeEach(() => void vi.useFakeTimers());
afterEach(() => void vi.useRealTimers());

test('passes at most one value per interval and never loses the last one', () => {
  const flushed: number[] = [];
  const throttle = createThrottle<number>(100, (v) => flushed.push(v));
  for (let i = 1; i <= 50; i++) {
    throttle.push(i);
    vi.advanceTimersByTime(10); // 50 pushes over 500 ms
  }
  vi.advanceTimersByTime(200);
  expect(flushed[0]).toBe(1);
  expect(flushed.at(-1)).toBe(50);
  expect(flushed.length).toBeGreaterThanOrEqual(5);
  expect(flushed.length).toBeLessThanOrEqual(7);
});

test('cancel drops a pending value', () => {
  const flushed: number[] = [];
  const throttle = createThrottle<number>(100, (v) => flushed.push(v));
  throttle.push(1);
  throttle.push(2);
  throttle.cancel();
  vi.advanceTimersByTime(500);
  expect(flushed).toEqual([1]);
});
