import { describe, expect, it } from 'vitest';
import { fitView, panBy, toFramePoint, zoomAt } from './viewport-math';

const frame = { width: 640, height: 480 };
const viewport = { width: 1000, height: 500 };

describe('viewport math', () => {
  it('fits the frame inside the viewport', () => {
    const view = fitView(frame, viewport);
    expect(view.scale).toBeCloseTo((500 / 480) * 0.96);
    expect(view).toMatchObject({ cx: 320, cy: 240 });
  });

  it('keeps the point under the cursor fixed when zooming', () => {
    const view = { scale: 1, cx: 320, cy: 240 };
    const zoomed = zoomAt(view, 4, { x: 600, y: 250 }, viewport);
    // Frame point under (600, 250) before: (420, 240); after: the same.
    expect(zoomed.cx + (600 - 500) / zoomed.scale).toBeCloseTo(420);
    expect(zoomed.cy).toBeCloseTo(240);
  });

  it('pans against the drag', () => {
    expect(panBy({ scale: 2, cx: 100, cy: 100 }, 20, -10)).toEqual({ scale: 2, cx: 90, cy: 105 });
  });

  it('maps client points to frame pixels whatever the zoom', () => {
    expect(toFramePoint(150, 75, { left: 50, top: 25, width: 1280, height: 960 }, frame)).toEqual({ x: 50, y: 25 });
  });
});
