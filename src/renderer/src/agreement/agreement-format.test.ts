import { describe, expect, it } from 'vitest';
import { formatDiff, formatPercent, formatRatio, formatSpread, kappaWords } from './agreement-format';

describe('agreement numbers', () => {
  it('formats ratios, percentages, spreads and signed differences', () => {
    expect(formatRatio(0.6667)).toBe('0.67');
    expect(formatRatio(null)).toBe('—');
    expect(formatPercent(0.5)).toBe('50%');
    expect(formatSpread({ mean: 1.25, max: 4 })).toBe('1.3 / 4');
    expect(formatDiff(2)).toBe('+2');
    expect(formatDiff(-3)).toBe('−3');
    expect(formatDiff(0)).toBe('0');
    expect(formatDiff(null)).toBe('—');
  });

  it('names kappa bands after Landis & Koch', () => {
    expect(kappaWords(1)).toBe('almost perfect');
    expect(kappaWords(0.7)).toBe('substantial');
    expect(kappaWords(0.5)).toBe('moderate');
    expect(kappaWords(0.1)).toBe('slight');
    expect(kappaWords(-0.2)).toBe('poor');
    expect(kappaWords(null)).toBe('no matched events');
  });
});
