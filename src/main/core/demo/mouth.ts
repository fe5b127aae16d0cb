import type { FaceDeform } from './expression';
import { segment, shadeAt, tone, type FaceCtx } from './paint';
import { fillEllipse, fillLens, strokeCurve, type Curve } from './raster';

/** A curve through both corners whose middle sits at `mid`. */
const through = (yl: number, yr: number, mid: number, extra: Partial<Curve> = {}): Curve => ({ l: yl, r: yr, h: (yl + yr) / 2 - mid, ...extra });

/** Cheeks: blush and the bulge of AU6/AU12. */
export function drawCheeks(ctx: FaceCtx, d: FaceDeform): void {
  const { canvas, view, p, k } = ctx;
  for (let i = 0; i < 2; i++) {
    const sgn = i === 0 ? -1 : 1;
    const c = d.cheek[i] ?? 0;
    const x = sgn * (p.eyes.x + 3 * k);
    const y = p.eyes.y + 19 * k - 2 * c * k;
    fillEllipse(canvas, view, { x, y, rx: 12 * k, ry: 8 * k }, { color: p.blush, alpha: p.blushAlpha, soft: 10 * k });
    if (c > 0.01) fillEllipse(canvas, view, { x, y: y - 1 * k, rx: 9 * k, ry: 5.5 * k }, { mode: 'lighten', alpha: 0.09 * c, soft: 5 * k });
  }
}

export function drawNose(ctx: FaceCtx, d: FaceDeform): void {
  const { canvas, view, p, k } = ctx;
  const n = p.nose;
  const wing = d.noseWingDy * k;
  const side = ctx.shade.lx > 0 ? -1 : 1;
  segment(ctx, side * 5 * k, p.eyes.y + 3 * k, side * 6.5 * k, n.tip - 4 * k, side * 1.5 * k, 3.5 * k, { mode: 'darken', alpha: n.bridge, soft: 4 * k });
  fillEllipse(canvas, view, { x: 0, y: n.tip - 2.5 * k, rx: 3.6 * k, ry: 3 * k }, { mode: 'lighten', alpha: 0.13, soft: 3 * k });
  fillEllipse(canvas, view, { x: 0, y: n.tip + 3.6 * k + wing * 0.5, rx: n.halfWidth * 0.75, ry: 2.3 * k }, { mode: 'darken', alpha: 0.16, soft: 2.5 * k });
  const nostril = tone(p.skin, 0.25);
  for (const sgn of [-1, 1]) {
    const wx = sgn * n.halfWidth;
    segment(ctx, wx - sgn * 2 * k, n.tip - 5 * k + wing, wx - sgn * 2.5 * k, n.tip + 2.5 * k + wing, -sgn * 3 * k, 1.1 * k, { mode: 'darken', alpha: 0.3, soft: 1.5 });
    fillEllipse(canvas, view, { x: sgn * n.halfWidth * 0.45, y: n.tip + 1.6 * k + wing, rx: n.nostril, ry: n.nostril * 0.55, angle: sgn * 0.35 }, { color: nostril, alpha: 0.85, soft: 1.2 });
  }
  if (d.noseWrinkle > 0.01) {
    for (const dy of [5, 8.5, 12]) {
      segment(ctx, -5 * k, p.eyes.y + dy * k, 5 * k, p.eyes.y + dy * k, -1 * k, 0.9 * k, { mode: 'darken', alpha: 0.22 * Math.min(1, d.noseWrinkle), soft: 1.2 });
    }
  }
}

/** Lips, the mouth line, the opening when the jaw drops, and the nasolabial folds. */
export function drawMouth(ctx: FaceCtx, d: FaceDeform): void {
  const { canvas, view, p, k } = ctx;
  const m = p.mouth;
  const thin = 1 - 0.45 * d.lipThin;
  const xl = -(m.halfWidth + (d.cornerDx[0] ?? 0) * k);
  const xr = m.halfWidth + (d.cornerDx[1] ?? 0) * k;
  const yl = m.y + (d.cornerDy[0] ?? 0) * k;
  const yr = m.y + (d.cornerDy[1] ?? 0) * k;
  const cx = (xl + xr) / 2;
  const hw = (xr - xl) / 2;
  const upperInnerMid = m.y + d.upperLipDy * k * 0.5;
  const lowerInnerMid = m.y + d.jawOpen * k;
  const upperBorder = through(yl, yr, m.y - m.upper * thin + d.upperLipDy * k, { m: m.bow * thin });
  const upperInner = through(yl, yr, upperInnerMid);
  const lowerInner = through(yl, yr, lowerInnerMid);
  const lowerBorderMid = m.y + m.lower * thin + d.lowerLipDy * k + d.jawOpen * k * 0.3;
  const lowerBorder = through(yl, yr, lowerBorderMid, { q: -0.3 });
  const lit = shadeAt(ctx, 0, m.y);
  // Folds first: they run from the nose wings to beyond the mouth corners.
  for (let i = 0; i < 2; i++) {
    const sgn = i === 0 ? -1 : 1;
    const f = d.fold[i] ?? 0;
    const cxCorner = i === 0 ? xl : xr;
    const cyCorner = i === 0 ? yl : yr;
    segment(ctx, sgn * (p.nose.halfWidth + 2 * k), p.nose.tip - 1 * k + d.noseWingDy * k, cxCorner + sgn * 4.5 * k, cyCorner + 7 * k, sgn * (2 + f) * k, 1.5 * k, { mode: 'darken', alpha: 0.05 + 0.22 * f, soft: 2.2 });
  }
  fillEllipse(canvas, view, { x: 0, y: lowerBorderMid + 3 * k, rx: m.halfWidth * 0.55, ry: 2.5 * k }, { mode: 'darken', alpha: 0.14, soft: 3 * k });
  if (lowerInnerMid - upperInnerMid > 0.05) {
    fillLens(canvas, view, { x: cx, y: 0, halfWidth: hw, top: upperInner, bottom: lowerInner }, { color: [62, 26, 30], soft: 1 });
  }
  fillLens(canvas, view, { x: cx, y: 0, halfWidth: hw, top: upperBorder, bottom: upperInner }, { color: tone(m.color, lit * 0.88), soft: 1.2 });
  fillLens(canvas, view, { x: cx, y: 0, halfWidth: hw, top: lowerInner, bottom: lowerBorder }, { color: tone(m.color, lit), soft: 1.3 });
  fillEllipse(canvas, view, { x: cx, y: lowerInnerMid + m.lower * thin * 0.45, rx: hw * 0.4, ry: m.lower * 0.22 }, { mode: 'lighten', alpha: 0.14, soft: 2 });
  strokeCurve(canvas, view, cx, 0, hw + 0.6, upperInner, 1.1 * k, { mode: 'darken', alpha: 0.5, soft: 1 });
  for (const [x, y] of [[xl, yl], [xr, yr]] as const) {
    fillEllipse(canvas, view, { x, y, rx: 1.6 * k, ry: 1.3 * k }, { mode: 'darken', alpha: 0.3, soft: 1.5 });
  }
}
