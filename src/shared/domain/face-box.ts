import type { FaceBox } from '../api/recordings';

export interface Point {
  x: number;
  y: number;
}

/** The box spanned by two frame points, in whole pixels (outward), inside a width x height frame. */
export function boxBetween(a: Point, b: Point, width: number, height: number): FaceBox {
  const clampX = (v: number) => Math.min(width, Math.max(0, v));
  const clampY = (v: number) => Math.min(height, Math.max(0, v));
  const x0 = Math.floor(clampX(Math.min(a.x, b.x)));
  const y0 = Math.floor(clampY(Math.min(a.y, b.y)));
  const x1 = Math.ceil(clampX(Math.max(a.x, b.x)));
  const y1 = Math.ceil(clampY(Math.max(a.y, b.y)));
  return { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
}
