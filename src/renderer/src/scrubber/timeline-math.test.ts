import { describe, expect, it } from 'vitest';
import { clampRange, coverTile, follow, previewFrames, zoomRange } from './timeline-math';

describe('timeline math', () => {
  it('keeps ranges inside the recording', () => {
    expect(clampRange({ start: -5, end: 20 }, 0, 99)).toEqual({ start: 0, end: 25 });
    expect(clampRange({ start: 90, end: 120 }, 0, 99)).toEqual({ start: 70, end: 100 });
    expect(clampRange({ start: 0, end: 1000 }, 46, 60)).toEqual({ start: 46, end: 61 });
  });

  it('zooms around a frame', () => {
    expect(zoomRange({ start: 0, end: 100 }, 0.5, 50, 0, 99)).toEqual({ start: 25, end: 75 });
  });

  it('scrolls to keep the playhead in view', () => {
    const range = { start: 0, end: 40 };
    expect(follow(range, 20, 0, 999)).toBe(range);
    expect(follow(range, 60, 0, 999)).toEqual({ start: 31, end: 71 });
    expect(follow({ start: 100, end: 140 }, 50, 0, 999)).toEqual({ start: 40, end: 80 });
    // At either end of the recording there is nowhere to scroll: the same range comes back.
    const whole = { start: 0, end: 120 };
    expect(follow(whole, 0, 0, 119)).toBe(whole);
    expect(follow(whole, 119, 0, 119)).toBe(whole);
  });

  it('tiles previews on a stable grid of frames', () => {
    expect(previewFrames({ start: 46, end: 61 }, 20, 40, 46, 60)).toEqual({ frames: [46, 48, 50, 52, 54, 56, 58, 60], stride: 2 });
    expect(previewFrames({ start: 13.5, end: 20 }, 50, 40, 0, 99).frames).toEqual([13, 14, 15, 16, 17, 18, 19]);
  });

  it('shows one preview of a sheet, cropped to cover its tile', () => {
    // A narrow tile of square previews: the height decides, the sides are cropped.
    expect(coverTile(20, 40, 1, 3, 10)).toEqual({ backgroundSize: '400px 40px', backgroundPosition: '-130px 0px' });
    // A wide tile: the width decides, top and bottom are cropped.
    expect(coverTile(80, 40, 1, 0, 10)).toEqual({ backgroundSize: '800px 80px', backgroundPosition: '0px -20px' });
    // 4:3 previews in a box of their own shape fill it exactly.
    expect(coverTile(64, 48, 4 / 3, 9, 10)).toEqual({ backgroundSize: '640px 48px', backgroundPosition: '-576px 0px' });
  });
});
