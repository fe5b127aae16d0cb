import { strokeCurve, type Canvas, type Paint, type Shade, type View } from './raster';
import type { FaceParams, Rgb } from './subject';

/** What every feature painter needs: where to draw, whom, and how the face is lit. */
export interface FaceCtx {
  canvas: Canvas;
  view: View;
  p: FaceParams;
  /** Face size relative to the reference face (deformations scale with it). */
  k: number;
  shade: Shade;
}

export function makeShade(p: FaceParams): Shade {
  const { x, y, z, ambient } = p.light;
  const n = Math.hypot(x, y, z);
  return { lx: x / n, ly: y / n, lz: z / n, ambient };
}

/** The face's lighting factor at a point of the face (same model as the shaded head ellipse). */
export function shadeAt(ctx: FaceCtx, x: number, y: number): number {
  const u = x / ctx.p.head.rx;
  const v = y / ctx.p.head.ry;
  const q = u * u + v * v;
  const nz = q < 1 ? Math.sqrt(1 - q) : 0;
  const lit = u * ctx.shade.lx + v * ctx.shade.ly + nz * ctx.shade.lz;
  return ctx.shade.ambient + (1 - ctx.shade.ambient) * Math.max(0, lit);
}

export const tone = (c: Rgb, f: number): Rgb => [c[0] * f, c[1] * f, c[2] * f];
export const mixRgb = (a: Rgb, b: Rgb, t: number): Rgb => [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t, a[2] + (b[2] - a[2]) * t];

/** Skin colour as lit at a point. */
export const skinAt = (ctx: FaceCtx, x: number, y: number): Rgb => tone(ctx.p.skin, shadeAt(ctx, x, y));

/**
 * A stroke from (x0,y0) to (x1,y1), bowed by `bulge` (towards the left of the direction of travel
 * for positive values).
 */
export function segment(ctx: FaceCtx, x0: number, y0: number, x1: number, y1: number, bulge: number, thick: number, paint: Paint): void {
  const len = Math.hypot(x1 - x0, y1 - y0);
  if (len < 1e-3) return;
  const angle = Math.atan2(y1 - y0, x1 - x0);
  strokeCurve(ctx.canvas, ctx.view, (x0 + x1) / 2, (y0 + y1) / 2, len / 2, { l: 0, r: 0, h: bulge }, thick, paint, angle);
}
