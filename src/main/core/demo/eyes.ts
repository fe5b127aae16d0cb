import type { FaceDeform } from './expression';
import { mixRgb, segment, shadeAt, skinAt, tone, type FaceCtx } from './paint';
import { fillEllipse, fillLens, strokeCurve, type Curve } from './raster';

const SCLERA = [236, 230, 224] as const;

/** Both eyes: sclera, iris, lids (which close for a blink), lashes, crease and the socket shadow. */
export function drawEyes(ctx: FaceCtx, d: FaceDeform, blink: number, gaze: readonly [number, number]): void {
  const { canvas, view, p, k } = ctx;
  const e = p.eyes;
  const lashColor = mixRgb(p.brows.color, [10, 8, 8], 0.6);
  for (let i = 0; i < 2; i++) {
    const sgn = i === 0 ? -1 : 1;
    const cx = sgn * e.x;
    const cy = e.y;
    const yIn = cy + e.tilt * 0.5;
    const yOut = cy - e.tilt * 0.5;
    const l = sgn > 0 ? yIn : yOut;
    const r = sgn > 0 ? yOut : yIn;
    const hw = e.halfWidth;
    const hLow = Math.max(0.5 * k, e.lower + (d.lowerLidDy[i] ?? 0) * k);
    const hUp = Math.max(0.5 * k, e.upper - (d.upperLidDy[i] ?? 0) * k);
    const hTop = hUp * (1 - blink) - hLow * blink;
    const upper: Curve = { l, r, h: hTop, q: 0.35 };
    const lower: Curve = { l, r, h: -hLow, q: 0.2 };
    const lit = shadeAt(ctx, cx, cy);
    const skin = skinAt(ctx, cx, cy - 2 * k);
    if (blink < 0.98) {
      fillLens(canvas, view, { x: cx, y: 0, halfWidth: hw, top: upper, bottom: lower }, { color: tone(SCLERA, lit * 0.92), soft: 1.1 });
      const ir = e.irisR;
      const ix = cx + gaze[0] * k;
      const iy = cy - 0.4 * k + gaze[1] * k;
      fillEllipse(canvas, view, { x: ix, y: iy, rx: ir, ry: ir }, { color: tone(e.iris, 0.45 * lit), soft: 1 });
      fillEllipse(canvas, view, { x: ix, y: iy, rx: ir * 0.82, ry: ir * 0.82 }, { color: tone(e.iris, lit), soft: 1.6 });
      fillEllipse(canvas, view, { x: ix, y: iy, rx: ir * 0.4, ry: ir * 0.4 }, { color: [14, 12, 12], soft: 1 });
      fillEllipse(canvas, view, { x: ix - ir * 0.35, y: iy - ir * 0.4, rx: ir * 0.2, ry: ir * 0.2 }, { mode: 'lighten', alpha: 0.8, soft: 1 });
      // Lids: skin over everything of the iris outside the opening.
      fillLens(canvas, view, { x: cx, y: 0, halfWidth: hw + 0.5, top: { l, r, h: hUp + ir + 4 * k, q: 0.35 }, bottom: upper }, { color: skin, soft: 1.1 });
      fillLens(canvas, view, { x: cx, y: 0, halfWidth: hw + 0.5, top: lower, bottom: { l, r, h: -(hLow + ir + 3 * k), q: 0.2 } }, { color: skin, soft: 1.1 });
    } else {
      fillLens(canvas, view, { x: cx, y: 0, halfWidth: hw + 0.5, top: { l, r, h: hUp + 2 * k, q: 0.35 }, bottom: { l, r, h: -(hLow + 2 * k) } }, { color: skin, soft: 1.1 });
    }
    // Lid fold when the eye closes, lash line along the upper margin, a faint lower lash line, the crease.
    strokeCurve(canvas, view, cx, 0, hw + 0.8, upper, (0.9 + 1.3 * e.lash) * k, { color: lashColor, alpha: 0.9, soft: 1.1 });
    strokeCurve(canvas, view, cx, 0, hw * 0.92, lower, 0.8 * k, { mode: 'darken', alpha: 0.25, soft: 1 });
    strokeCurve(canvas, view, cx, 0, hw * 0.95, { l: l - 1 * k, r: r - 1 * k, h: hUp + 3.2 * k, q: 0.3 }, 1 * k, { mode: 'darken', alpha: e.crease, soft: 1.4 });
    // Lower-lid bulge when the lid tightens or the cheek rises.
    const bulge = Math.max(0, -(d.lowerLidDy[i] ?? 0));
    fillEllipse(canvas, view, { x: cx, y: cy + hLow + 2.5 * k, rx: hw * 0.8, ry: 2.2 * k }, { mode: 'lighten', alpha: 0.05 * bulge, soft: 2 });
    strokeCurve(canvas, view, cx, 0, hw * 0.7, { l: l + hLow + 4 * k, r: r + hLow + 4 * k, h: -1.5 * k }, 0.9 * k, { mode: 'darken', alpha: 0.07 + 0.12 * bulge, soft: 1.6 });
    // Socket shadow.
    fillEllipse(canvas, view, { x: cx, y: cy - 2.5 * k, rx: hw * 1.35, ry: e.upper * 1.9 }, { mode: 'darken', alpha: 0.12, soft: 8 * k });
    const cf = d.crowsFeet[i] ?? 0;
    if (cf > 0.01) {
      const ox = cx + sgn * (hw + 2 * k);
      for (const dy of [-2.2, 0.4, 2.8]) segment(ctx, ox, cy + dy * 0.4 * k, ox + sgn * 6 * k, cy + dy * k, 0, 0.9 * k, { mode: 'darken', alpha: 0.28 * cf, soft: 1.3 });
    }
  }
}

/** Both brows, each a lens that thins towards the outer end. */
export function drawBrows(ctx: FaceCtx, d: FaceDeform): void {
  const { canvas, view, p, k } = ctx;
  const b = p.brows;
  const base = p.eyes.y - b.gap;
  for (let i = 0; i < 2; i++) {
    const sgn = i === 0 ? -1 : 1;
    const xIn = sgn * (b.inner - (d.browInnerDx[i] ?? 0) * k);
    const xOut = sgn * b.outer;
    const yIn = base + (d.browInnerDy[i] ?? 0) * k;
    const yOut = base - b.tilt + (d.browOuterDy[i] ?? 0) * k;
    const left = sgn > 0 ? { x: xIn, y: yIn, t: b.thickInner } : { x: xOut, y: yOut, t: b.thickOuter };
    const right = sgn > 0 ? { x: xOut, y: yOut, t: b.thickOuter } : { x: xIn, y: yIn, t: b.thickInner };
    const cx = (left.x + right.x) / 2;
    const hw = (right.x - left.x) / 2;
    const h = b.arch;
    const top: Curve = { l: left.y - left.t / 2, r: right.y - right.t / 2, h, q: 0.3 };
    const bottom: Curve = { l: left.y + left.t / 2, r: right.y + right.t / 2, h: h * 0.8, q: 0.3 };
    fillLens(canvas, view, { x: cx, y: 0, halfWidth: hw + 1, top: { ...top, l: top.l - 0.8, r: top.r - 0.8 }, bottom: { ...bottom, l: bottom.l + 0.8, r: bottom.r + 0.8 } }, { color: b.color, alpha: 0.25, soft: 2.5 });
    fillLens(canvas, view, { x: cx, y: 0, halfWidth: hw, top, bottom }, { color: b.color, alpha: 0.92, soft: 1.3 });
  }
}

/** Forehead lines (AU1/AU2) and the vertical lines between the brows (AU4). */
export function drawBrowCreases(ctx: FaceCtx, d: FaceDeform): void {
  const { k, p } = ctx;
  const base = p.eyes.y - p.brows.gap;
  if (d.forehead > 0.01) {
    for (let j = 0; j < 3; j++) {
      const y = base - (10 + 5 * j) * k;
      segment(ctx, -24 * k, y, 24 * k, y, 2.5 * k, 1.1 * k, { mode: 'darken', alpha: 0.16 * Math.min(1, d.forehead), soft: 1.6 });
    }
  }
  if (d.glabella > 0.01) {
    for (const sgn of [-1, 1]) {
      segment(ctx, sgn * 2.5 * k, base - 3 * k, sgn * 3.2 * k, base + 5 * k, 0, 1 * k, { mode: 'darken', alpha: 0.3 * Math.min(1, d.glabella), soft: 1.3 });
    }
  }
}
