import { describe, expect, it } from 'vitest';
import { formatAccuracy, formatAccuracyDelta, formatScore, formatScoreDelta } from './format';

describe('result numbers', () => {
  it('shows accuracy as a percentage and scores to four places, a dash for 0/0', () => {
    expect(formatAccuracy(0.539)).toBe('53.9 %');
    expect(formatScore(0.78851)).toBe('0.7885');
    expect(formatAccuracy(null)).toBe('—');
    expect(formatScore(null)).toBe('—');
  });

  it('signs differences, with a real minus, and never shows "−0.0"', () => {
    expect(formatAccuracyDelta(0.034)).toBe('+3.4 pp');
    expect(formatAccuracyDelta(-0.01)).toBe('\u22121.0 pp');
    expect(formatAccuracyDelta(-0.0001)).toBe('0.0 pp');
    expect(formatScoreDelta(0.02911)).toBe('+0.0291');
    expect(formatScoreDelta(-0.5)).toBe('\u22120.5000');
    expect(formatScoreDelta(null)).toBe('—');
  });
});
