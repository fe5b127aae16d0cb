import { makeRng } from '../../../shared/domain/random';
import { fillEllipse, makeCanvas, type Canvas } from './raster';
import type { FaceParams } from './subject';

/**
 * The static part of a subject's frames: the wall behind them (one of a few textures) and their
 * shoulders, with a slight vignette. Rendered once per recording and copied into every frame.
 */
export function renderBackground(p: FaceParams, width: number, height: number): Canvas {
  const canvas = makeCanvas(width, height);
  const bg = p.background;
  const rng = makeRng(p.seed ^ 0x5bd1e995);
  const blobs = Array.from({ length: 6 }, () => ({ x: rng.range(0, 256), y: rng.range(0, 256), r: rng.range(30, 90), w: rng.range(0.4, 1) }));
  const unit = 256 / width;
  const ca = Math.cos(bg.angle);
  const sa = Math.sin(bg.angle);
  const d = canvas.data;
  for (let py = 0; py < height; py++) {
    const Y = (py + 0.5) * unit;
    for (let px = 0; px < width; px++) {
      const X = (px + 0.5) * unit;
      let t: number;
      let lum = 1;
      switch (bg.kind) {
        case 'gradient':
          t = Y / 256 + 0.08 * Math.sin(X / 37);
          break;
        case 'stripes':
          t = 0.5 + 0.35 * Math.sin((2 * Math.PI * bg.freq * (X * ca + Y * sa)) / 256);
          break;
        case 'blotches': {
          let s = 0;
          for (const b of blobs) s += b.w * Math.exp(-((X - b.x) ** 2 + (Y - b.y) ** 2) / (b.r * b.r));
          t = Math.min(1, s);
          break;
        }
        case 'tiles': {
          const cell = 256 / bg.freq;
          const u = X / cell;
          const v = Y / cell;
          const fu = u - Math.floor(u);
          const fv = v - Math.floor(v);
          t = (Math.floor(u) + Math.floor(v)) % 2 === 0 ? 0.15 : 0.35;
          if (fu < 0.04 || fv < 0.04) lum = 0.8;
          break;
        }
        case 'curtain':
          t = 0.3;
          lum = 0.78 + 0.22 * Math.sin((2 * Math.PI * bg.freq * X) / 256 + 0.8 * Math.sin(X / 23));
          break;
      }
      const dx = X / 128 - 1;
      const dy = Y / 128 - 1;
      lum *= 1 - 0.22 * (dx * dx + dy * dy);
      const i = (py * width + px) * 3;
      d[i] = (bg.a[0] + (bg.b[0] - bg.a[0]) * t) * lum;
      d[i + 1] = (bg.a[1] + (bg.b[1] - bg.a[1]) * t) * lum;
      d[i + 2] = (bg.a[2] + (bg.b[2] - bg.a[2]) * t) * lum;
    }
  }
  const view = { tx: p.head.cx * (width / 256), ty: 0, s: width / 256, angle: 0 };
  fillEllipse(canvas, view, { x: 0, y: 290, rx: 125, ry: 78, square: 0.3 }, { color: p.clothing, soft: 1.5 }, { lx: 0.3, ly: -0.8, lz: 0.5, ambient: 0.6 });
  return canvas;
}
