import type { Rgb } from './subject';

/**
 * A tiny software rasterizer: anti-aliased ellipses (optionally squarish, tapered and shaded) and
 * "lenses" (the region between two curves, which makes lids, lips, brows and creases), drawn into a
 * float RGB canvas through a similarity transform from face coordinates to pixels.
 */
export interface Canvas {
  width: number;
  height: number;
  /** RGB, row-major, 0..255 floats. */
  data: Float32Array;
}

export function makeCanvas(width: number, height: number): Canvas {
  return { width, height, data: new Float32Array(width * height * 3) };
}

/** Face coordinates -> pixels: p_img = (tx, ty) + s * R(angle) * p_face. */
export interface View {
  tx: number;
  ty: number;
  s: number;
  angle: number;
}

/** over: paint the colour; darken: multiply by (1 - a); lighten: move towards white. */
export type BlendMode = 'over' | 'darken' | 'lighten';

export interface Paint {
  color?: Rgb;
  alpha?: number;
  mode?: BlendMode;
  /** Width of the edge ramp in pixels (1 = crisp anti-aliasing, larger = blurred). */
  soft?: number;
}

export interface Shade {
  lx: number;
  ly: number;
  lz: number;
  ambient: number;
}

export interface EllipseShape {
  x: number;
  y: number;
  rx: number;
  ry: number;
  angle?: number;
  /** 0 = ellipse, up to ~0.6 = rounded rectangle. */
  square?: number;
  /** Narrows the lower half (a jaw): rx * (1 - taper * y^2) for y > 0. */
  taper?: number;
  /** Cut out an inner ellipse of this relative size (rings: glasses frames). */
  hole?: number;
  /** Moves the bottom (below 0.55 ry) down by this much, fading in from there (a dropped jaw). */
  drop?: number;
}

/** y(s) for s in -1..1: the straight line from l to r, raised by h*(1-s^2)(1+q*s^2), with a dip m (a cupid's bow). */
export interface Curve {
  l: number;
  r: number;
  h?: number;
  q?: number;
  m?: number;
}

export interface LensShape {
  x: number;
  y: number;
  halfWidth: number;
  top: Curve;
  bottom: Curve;
  angle?: number;
}

interface Affine {
  ax: number;
  bx: number;
  cx: number;
  ay: number;
  by: number;
  cy: number;
}

function toLocal(view: View, ox: number, oy: number, phi: number): Affine {
  const c = Math.cos(view.angle + phi) / view.s;
  const sn = Math.sin(view.angle + phi) / view.s;
  // l = R(-(angle+phi)) (img - t) / s - R(-phi) o
  const cp = Math.cos(phi);
  const sp = Math.sin(phi);
  const lox = cp * ox + sp * oy;
  const loy = -sp * ox + cp * oy;
  return { ax: c, bx: sn, cx: -(c * view.tx + sn * view.ty) - lox, ay: -sn, by: c, cy: sn * view.tx - c * view.ty - loy };
}

interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

function bounds(canvas: Canvas, view: View, ox: number, oy: number, phi: number, ux: number, uy: number, pad: number): Box | null {
  const a = view.angle + phi;
  const c = Math.abs(Math.cos(a));
  const sn = Math.abs(Math.sin(a));
  const hx = view.s * (c * ux + sn * uy) + pad;
  const hy = view.s * (sn * ux + c * uy) + pad;
  const cx = view.tx + view.s * (Math.cos(view.angle) * ox - Math.sin(view.angle) * oy);
  const cy = view.ty + view.s * (Math.sin(view.angle) * ox + Math.cos(view.angle) * oy);
  const box = {
    x0: Math.max(0, Math.floor(cx - hx)),
    y0: Math.max(0, Math.floor(cy - hy)),
    x1: Math.min(canvas.width - 1, Math.ceil(cx + hx)),
    y1: Math.min(canvas.height - 1, Math.ceil(cy + hy)),
  };
  return box.x0 > box.x1 || box.y0 > box.y1 ? null : box;
}

const MODES: Record<BlendMode, number> = { over: 0, darken: 1, lighten: 2 };

function blend(d: Float32Array, i: number, a: number, mode: number, r: number, g: number, b: number): void {
  const d0 = d[i] as number;
  const d1 = d[i + 1] as number;
  const d2 = d[i + 2] as number;
  if (mode === 0) {
    d[i] = d0 + (r - d0) * a;
    d[i + 1] = d1 + (g - d1) * a;
    d[i + 2] = d2 + (b - d2) * a;
  } else if (mode === 1) {
    d[i] = d0 * (1 - a);
    d[i + 1] = d1 * (1 - a);
    d[i + 2] = d2 * (1 - a);
  } else {
    d[i] = d0 + (255 - d0) * a;
    d[i + 1] = d1 + (255 - d1) * a;
    d[i + 2] = d2 + (255 - d2) * a;
  }
}

const clamp01 = (x: number): number => (x < 0 ? 0 : x > 1 ? 1 : x);

export function fillEllipse(canvas: Canvas, view: View, e: EllipseShape, paint: Paint, shade?: Shade): void {
  const soft = paint.soft ?? 1;
  const alpha = paint.alpha ?? 1;
  const mode = MODES[paint.mode ?? 'over'];
  const [r, g, b] = paint.color ?? [0, 0, 0];
  const k = e.square ?? 0;
  const taper = e.taper ?? 0;
  const hole = e.hole ?? 0;
  const { rx, ry } = e;
  const drop = e.drop ?? 0;
  const v0 = 0.55 * ry;
  const dropRate = drop / (ry - v0);
  const box = bounds(canvas, view, e.x, e.y + drop / 2, e.angle ?? 0, rx, ry + drop / 2, soft + 1);
  if (!box || alpha <= 0) return;
  const { ax, bx, cx, ay, by, cy } = toLocal(view, e.x, e.y, e.angle ?? 0);
  const ramp = view.s / soft;
  // Upper bound of |grad f| over the box: where f is further than half a ramp from 0 at that
  // slope, the pixel is surely fully inside (or outside) and needs no square root.
  const grad = (1.5 * 2 * 1.6 * (1 + k * 1.6)) / (Math.min(rx, ry) * Math.max(0.3, 1 - taper * 1.6));
  const sure = (0.5 * grad) / ramp;
  const lx = shade?.lx ?? 0;
  const ly = shade?.ly ?? 0;
  const lz = shade?.lz ?? 0;
  const amb = shade?.ambient ?? 1;
  const h2 = hole * hole;
  const d = canvas.data;
  const w = canvas.width;
  for (let py = box.y0; py <= box.y1; py++) {
    const fy = py + 0.5;
    for (let px = box.x0; px <= box.x1; px++) {
      const fx = px + 0.5;
      const vv = ay * fx + by * fy + cy;
      const v = vv > v0 ? vv - Math.min(drop, (vv - v0) * dropRate) : vv;
      const y = v / ry;
      const rxe = taper > 0 && y > 0 ? rx * (1 - taper * y * y) : rx;
      const x = (ax * fx + bx * fy + cx) / rxe;
      const x2 = x * x;
      const y2 = y * y;
      const q = x2 + y2 - k * x2 * y2;
      const f = q - 1;
      if (f >= sure) continue;
      let cov = 1;
      let gl = 0;
      if (f > -sure || hole > 0) {
        const gx = (2 * x * (1 - k * y2)) / rxe;
        const gy = (2 * y * (1 - k * x2)) / ry;
        gl = Math.sqrt(gx * gx + gy * gy) + 1e-9;
        cov = clamp01(0.5 - (f / gl) * ramp);
        if (cov <= 0) continue;
      }
      if (hole > 0) {
        cov *= clamp01(0.5 + ((q / h2 - 1) / (gl / h2)) * ramp);
        if (cov <= 0) continue;
      }
      let sr = r;
      let sg = g;
      let sb = b;
      if (shade) {
        const rr = x2 + y2;
        const nz = rr < 1 ? Math.sqrt(1 - rr) : 0;
        const lit = x * lx + y * ly + nz * lz;
        const f2 = amb + (1 - amb) * (lit > 0 ? lit : 0);
        sr *= f2;
        sg *= f2;
        sb *= f2;
      }
      blend(d, (py * w + px) * 3, cov * alpha, mode, sr, sg, sb);
    }
  }
}

/** y(s) = c0 + c1 s + c2 s^2 + c4 s^4, the expanded form of a Curve. */
function coefficients(c: Curve): [number, number, number, number] {
  const h = c.h ?? 0;
  const q = c.q ?? 0;
  const m = c.m ?? 0;
  return [(c.l + c.r) / 2 - h, (c.r - c.l) / 2, h - h * q - 4 * m, h * q + 4 * m];
}

function curveAt(c: Curve, s: number): number {
  const [c0, c1, c2, c4] = coefficients(c);
  const s2 = s * s;
  return c0 + c1 * s + c2 * s2 + c4 * s2 * s2;
}

/** Fills the region between two curves (top above bottom), anti-aliased along both and at the ends. */
export function fillLens(canvas: Canvas, view: View, lens: LensShape, paint: Paint): void {
  const soft = paint.soft ?? 1;
  const alpha = paint.alpha ?? 1;
  const mode = MODES[paint.mode ?? 'over'];
  const [r, g, b] = paint.color ?? [0, 0, 0];
  const { top, bottom, halfWidth: hw } = lens;
  let lo = Infinity;
  let hi = -Infinity;
  for (let s = -1; s <= 1.001; s += 0.125) {
    lo = Math.min(lo, curveAt(top, s));
    hi = Math.max(hi, curveAt(bottom, s));
  }
  if (hi <= lo || alpha <= 0) return;
  const mid = (lo + hi) / 2;
  const phi = lens.angle ?? 0;
  const ox = lens.x - Math.sin(phi) * mid;
  const oy = lens.y + Math.cos(phi) * mid;
  const box = bounds(canvas, view, ox, oy, phi, hw, (hi - lo) / 2, soft + 1);
  if (!box) return;
  const { ax, bx, cx, ay, by, cy } = toLocal(view, lens.x, lens.y, phi);
  const ramp = view.s / soft;
  const [t0, t1, t2, t4] = coefficients(top);
  const [b0, b1, b2, b4] = coefficients(bottom);
  const inv = 1 / hw;
  const d = canvas.data;
  const w = canvas.width;
  for (let py = box.y0; py <= box.y1; py++) {
    const fy = py + 0.5;
    for (let px = box.x0; px <= box.x1; px++) {
      const fx = px + 0.5;
      const u = ax * fx + bx * fy + cx;
      const au = u < 0 ? -u : u;
      const end = (hw - au) * ramp + 0.5;
      if (end <= 0) continue;
      const v = ay * fx + by * fy + cy;
      const s = u * inv;
      const s2 = s * s;
      // Distances to each curve in pixels, measured perpendicular to it (vertical / sqrt(1 + slope^2)).
      const dt = (v - (t0 + t1 * s + t2 * s2 + t4 * s2 * s2)) * ramp;
      const st = (t1 + 2 * t2 * s + 4 * t4 * s2 * s) * inv;
      const nt = 1 + st * st;
      if (dt <= 0 && dt * dt >= 0.25 * nt) continue;
      const db = (b0 + b1 * s + b2 * s2 + b4 * s2 * s2 - v) * ramp;
      const sb = (b1 + 2 * b2 * s + 4 * b4 * s2 * s) * inv;
      const nb = 1 + sb * sb;
      if (db <= 0 && db * db >= 0.25 * nb) continue;
      const ct = dt > 0 && dt * dt >= 0.25 * nt ? 1 : clamp01(dt / Math.sqrt(nt) + 0.5);
      const cb = db > 0 && db * db >= 0.25 * nb ? 1 : clamp01(db / Math.sqrt(nb) + 0.5);
      const cov = (end > 1 ? 1 : end) * ct * cb;
      if (cov <= 0) continue;
      blend(d, (py * w + px) * 3, cov * alpha, mode, r, g, b);
    }
  }
}

/** A band of the given thickness along a curve (a brow, a crease, a line). */
export function strokeCurve(canvas: Canvas, view: View, x: number, y: number, halfWidth: number, center: Curve, thick: number, paint: Paint, angle = 0): void {
  const t = thick / 2;
  const top: Curve = { ...center, l: center.l - t, r: center.r - t };
  const bottom: Curve = { ...center, l: center.l + t, r: center.r + t };
  fillLens(canvas, view, { x, y, halfWidth, top, bottom, angle }, paint);
}
