import type { DecodedFrame } from './decode-frame';

function context(canvas: HTMLCanvasElement): CanvasRenderingContext2D {
  const ctx = canvas.getContext('2d', { alpha: false });
  if (!ctx) throw new Error('No 2D canvas context');
  ctx.imageSmoothingEnabled = false;
  ctx.globalCompositeOperation = 'source-over';
  ctx.filter = 'none';
  return ctx;
}

/** Draws a decoded frame 1:1 into a canvas of the frame's size. */
export function drawFrame(canvas: HTMLCanvasElement, image: DecodedFrame): void {
  context(canvas).drawImage(image, 0, 0, canvas.width, canvas.height);
}

/**
 * Draws |current − reference| per channel, multiplied by `gain` (clipped at white). The browser
 * computes it with the `difference` blend and a brightness filter, so frames served from another
 * origin (Electron's media protocol) work without reading pixels back.
 */
export function drawDifference(
  canvas: HTMLCanvasElement,
  scratch: HTMLCanvasElement,
  current: DecodedFrame,
  reference: DecodedFrame,
  gain: number,
): void {
  const { width, height } = canvas;
  if (scratch.width !== width || scratch.height !== height) {
    scratch.width = width;
    scratch.height = height;
  }
  const s = context(scratch);
  s.drawImage(current, 0, 0, width, height);
  s.globalCompositeOperation = 'difference';
  s.drawImage(reference, 0, 0, width, height);
  s.globalCompositeOperation = 'source-over';

  const ctx = context(canvas);
  ctx.fillStyle = '#000';
  ctx.fillRect(0, 0, width, height);
  ctx.filter = gain === 1 ? 'none' : `brightness(${gain})`;
  ctx.drawImage(scratch, 0, 0);
  ctx.filter = 'none';
}
