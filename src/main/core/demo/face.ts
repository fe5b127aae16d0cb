import type { FaceDeform } from './expression';
import { drawBrowCreases, drawBrows, drawEyes } from './eyes';
import { drawCheeks, drawMouth, drawNose } from './mouth';
import { makeShade, segment, skinAt, tone, type FaceCtx } from './paint';
import { fillEllipse, fillLens, type Canvas, type View } from './raster';
import type { FaceParams } from './subject';

/** The moment-to-moment state of a face: expression, blink closure (0..1) and gaze offset (reference px). */
export interface FaceState {
  deform: FaceDeform;
  blink: number;
  gaze: readonly [number, number];
}

/** Head pose in reference pixels / radians / relative scale. */
export interface Pose {
  dx: number;
  dy: number;
  roll: number;
  scale: number;
}

export function viewFor(p: FaceParams, pose: Pose, width: number): View {
  const unit = width / 256;
  return { tx: (p.head.cx + pose.dx) * unit, ty: (p.head.cy + pose.dy) * unit, s: unit * pose.scale, angle: pose.roll };
}

/** Paints one face (with neck, hair and glasses) over whatever the canvas holds. */
export function drawFace(canvas: Canvas, view: View, p: FaceParams, state: FaceState): void {
  const k = p.head.ry / 84;
  const ctx: FaceCtx = { canvas, view, p, k, shade: makeShade(p) };
  const { rx, ry } = p.head;
  const d = state.deform;
  drawHairBack(ctx);
  fillEllipse(canvas, view, { x: 0, y: ry * 0.95, rx: p.neck.halfWidth, ry: ry * 0.55, square: 0.4 }, { color: tone(p.skin, 0.8) });
  fillEllipse(canvas, view, { x: 0, y: ry * 0.78, rx: rx * 0.55, ry: ry * 0.2 }, { mode: 'darken', alpha: 0.35, soft: 8 * k });
  for (const sgn of [-1, 1]) {
    fillEllipse(canvas, view, { x: sgn * rx * 0.97, y: p.ears.y, rx: p.ears.rx, ry: p.ears.ry, angle: sgn * 0.12 }, { color: skinAt(ctx, sgn * rx * 0.8, p.ears.y) });
    fillEllipse(canvas, view, { x: sgn * (rx * 0.97 + p.ears.rx * 0.2), y: p.ears.y, rx: p.ears.rx * 0.5, ry: p.ears.ry * 0.6, angle: sgn * 0.12 }, { mode: 'darken', alpha: 0.25, soft: 2 * k });
  }
  fillEllipse(canvas, view, { x: 0, y: 0, rx, ry, drop: d.jawOpen * k, square: p.head.square, taper: p.head.jaw }, { color: p.skin, soft: 1.2 }, ctx.shade);
  drawBrowCreases(ctx, d);
  drawCheeks(ctx, d);
  if (p.stubble > 0) fillEllipse(canvas, view, { x: 0, y: ry * 0.6, rx: rx * 0.66, ry: ry * 0.36 }, { color: tone(p.hair.color, 0.8), alpha: p.stubble, soft: 7 * k });
  if (p.mole) fillEllipse(canvas, view, { x: p.mole.x, y: p.mole.y, rx: p.mole.r * k, ry: p.mole.r * k }, { color: tone(p.skin, 0.45), alpha: 0.9, soft: 1 });
  drawNose(ctx, d);
  drawMouth(ctx, d);
  drawEyes(ctx, d, state.blink, state.gaze);
  drawBrows(ctx, d);
  drawHairFront(ctx);
  drawGlasses(ctx);
}

function drawHairBack(ctx: FaceCtx): void {
  const { canvas, view, p } = ctx;
  const { rx, ry } = p.head;
  const color = p.hair.color;
  if (p.hair.style === 'long') {
    fillEllipse(canvas, view, { x: 0, y: ry * 0.28, rx: rx * 1.3, ry: ry * 1.2, square: 0.35 }, { color: tone(color, 0.85), soft: 1.5 });
  } else if (p.hair.style === 'curly') {
    for (let j = 0; j <= 10; j++) {
      const a = Math.PI * (1.02 + (0.96 * j) / 10);
      fillEllipse(canvas, view, { x: Math.cos(a) * rx * 1.02, y: -0.1 * ry + Math.sin(a) * ry * 1.02, rx: ry * 0.22, ry: ry * 0.2 }, { color: tone(color, 0.9 + 0.1 * (j % 2)), soft: 1.3 });
    }
  } else if (p.hair.style === 'bun') {
    fillEllipse(canvas, view, { x: 0, y: -ry * 1.12, rx: ry * 0.3, ry: ry * 0.26 }, { color: tone(color, 0.9), soft: 1.3 });
  }
}

function drawHairFront(ctx: FaceCtx): void {
  const { canvas, view, p, k } = ctx;
  const { rx, ry } = p.head;
  const style = p.hair.style;
  const browTop = p.eyes.y - p.brows.gap - p.brows.thickInner - 5 * k;
  const hairline = Math.min(style === 'fringe' ? -0.4 * ry : p.hair.hairline * ry, browTop - 3.5 * k * 2);
  const side = (style === 'long' || style === 'curly' ? -0.1 : -0.22) * ry;
  const part = p.hair.part * 0.12 * ry;
  const volume = style === 'shaved' ? 0.97 : style === 'curly' ? 1.12 : 1.05;
  const top = { l: side, r: side, h: ry * volume + side + 0.1 * ry, q: 1 };
  const bottom = { l: side - Math.max(0, part), r: side - Math.max(0, -part), h: side - hairline, q: style === 'fringe' ? -0.4 : 0.3, m: style === 'fringe' ? 0 : p.hair.recede * ry };
  const alpha = style === 'shaved' ? 0.55 : 1;
  fillLens(canvas, view, { x: 0, y: 0, halfWidth: rx * (style === 'long' || style === 'curly' ? 1.08 : 1.04), top, bottom }, { color: p.hair.color, alpha, soft: style === 'shaved' ? 2.5 : 1.4 });
  if (style !== 'shaved') {
    fillEllipse(canvas, view, { x: ctx.shade.lx * 0.3 * rx, y: -ry * 0.98, rx: rx * 0.45, ry: ry * 0.1 }, { mode: 'lighten', alpha: 0.12, soft: 8 * k });
    for (let j = -2; j <= 2; j++) {
      const x = (j * rx) / 3.2 + part * 0.5;
      segment(ctx, x * 0.6, -ry * 1.05, x, hairline - 2 * k, j * 2 * k, 1.2 * k, { mode: 'darken', alpha: 0.1, soft: 1.5 });
    }
  }
}

function drawGlasses(ctx: FaceCtx): void {
  const { canvas, view, p, k } = ctx;
  const g = p.glasses;
  if (!g) return;
  const y = p.eyes.y + 0.8 * k;
  const square = g.shape === 'round' ? 0.05 : 0.5;
  for (const sgn of [-1, 1]) {
    const x = sgn * p.eyes.x;
    fillEllipse(canvas, view, { x, y, rx: g.rx, ry: g.ry, square }, { mode: 'lighten', alpha: g.tint, soft: 1 });
    fillEllipse(canvas, view, { x, y, rx: g.rx, ry: g.ry, square, hole: 1 - g.thick / g.ry }, { color: g.color, soft: 1 });
    segment(ctx, x + sgn * g.rx * 0.97, y - g.ry * 0.4, sgn * p.head.rx * 0.99, y - g.ry * 0.55, 0, g.thick, { color: g.color, soft: 1 });
  }
  const inner = p.eyes.x - g.rx * 0.97;
  segment(ctx, -inner, y - g.ry * 0.35, inner, y - g.ry * 0.35, 1.5 * k, g.thick, { color: g.color, soft: 1 });
}
