import type { DemoAu } from './emotions';
import type { FaceParams } from './subject';

/** A pixel rectangle [x0, x1) x [y0, y1). */
export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export type Region = 'brows' | 'eyes' | 'nose' | 'mouth' | 'jaw';

/** Where each AU moves pixels (its own region and the neighbours it drags along). */
export const AU_REGIONS: Record<DemoAu, readonly Region[]> = {
  1: ['brows'],
  2: ['brows'],
  4: ['brows', 'eyes'],
  5: ['eyes'],
  6: ['eyes', 'brows'],
  7: ['eyes'],
  9: ['nose', 'brows', 'eyes', 'mouth'],
  10: ['mouth', 'nose'],
  12: ['mouth', 'eyes'],
  15: ['mouth'],
  20: ['mouth'],
  23: ['mouth'],
  26: ['mouth', 'jaw'],
};

/**
 * Pixel boxes of the face regions at rest pose (head sway moves them by a pixel or two). The face
 * box is a square around the head, the crop a recording's face box should use.
 */
export function faceRegions(p: FaceParams, width: number): Record<Region | 'face', Box> {
  const unit = width / 256;
  const k = p.head.ry / 84;
  const box = (x0: number, y0: number, x1: number, y1: number): Box => ({
    x0: Math.max(0, Math.floor((p.head.cx + x0) * unit)),
    y0: Math.max(0, Math.floor((p.head.cy + y0) * unit)),
    x1: Math.min(width, Math.ceil((p.head.cx + x1) * unit)),
    y1: Math.min(width, Math.ceil((p.head.cy + y1) * unit)),
  });
  const e = p.eyes;
  const browY = e.y - p.brows.gap;
  const bx = p.brows.outer + 6 * k;
  const ex = e.x + e.halfWidth + 12 * k;
  const mx = p.mouth.halfWidth + 16 * k;
  const side = Math.max(p.head.rx * 1.15, p.head.ry * 1.05);
  return {
    brows: box(-bx, browY - 28 * k, bx, browY + 7 * k),
    eyes: box(-ex, e.y - e.upper - 6 * k, ex, e.y + 34 * k),
    nose: box(-(p.nose.halfWidth + 8 * k), e.y + 2 * k, p.nose.halfWidth + 8 * k, p.nose.tip + 8 * k),
    mouth: box(-mx, p.nose.tip - 4 * k, mx, p.head.ry + 8 * k),
    jaw: box(-p.head.rx, p.mouth.y - 4 * k, p.head.rx, p.head.ry + 8 * k),
    face: box(-side, -side - 0.05 * p.head.ry, side, side - 0.05 * p.head.ry),
  };
}
