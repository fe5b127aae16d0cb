import { describe, expect, it } from 'vitest';
import { formatBytes, formatDuration, formatFps, formatFrameList } from './media-format';

describe('formatFps', () => {
  it('shows whole rates plainly and others with their exact ratio', () => {
    expect(formatFps({ num: 50, den: 1 })).toBe('50');
    expect(formatFps({ num: 200, den: 2 })).toBe('100');
    expect(formatFps({ num: 30000, den: 1001 })).toBe('29.97 (30000/1001)');
    expect(formatFps({ num: 25, den: 2 })).toBe('12.5 (25/2)');
  });
});

describe('formatDuration', () => {
  it('uses seconds below a minute and clock time above', () => {
    expect(formatDuration(2.4)).toBe('2.40 s');
    expect(formatDuration(62.5)).toBe('1:02.5');
    expect(formatDuration(3723)).toBe('1:02:03');
  });
});

describe('formatBytes', () => {
  it('uses binary units', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(3 * 1024 * 1024)).toBe('3.00 MiB');
  });
});

describe('formatFrameList', () => {
  it('joins runs into ranges', () => {
    expect(formatFrameList([9, 3, 4, 5])).toBe('3–5, 9');
    expect(formatFrameList([1, 3, 5, 7], 2)).toBe('1, 3, … (4 in all)');
  });
});
