export interface Size {
  width: number;
  height: number;
}

/** Screen (CSS) pixels per frame pixel, and the frame point at the middle of the viewport. */
export interface View {
  scale: number;
  cx: number;
  cy: number;
}

export const minScale = 0.05;
export const maxScale = 64;

export function clampScale(scale: number): number {
  return Math.min(maxScale, Math.max(minScale, scale));
}

/** The whole frame, centred, with a small margin. */
export function fitView(frame: Size, viewport: Size): View {
  const scale = viewport.width > 0 && viewport.height > 0 ? Math.min(viewport.width / frame.width, viewport.height / frame.height) * 0.96 : 1;
  return { scale: clampScale(scale), cx: frame.width / 2, cy: frame.height / 2 };
}

/** Zooms by `factor` keeping the frame point under `at` (viewport coordinates) where it is. */
export function zoomAt(view: View, factor: number, at: { x: number; y: number }, viewport: Size): View {
  const scale = clampScale(view.scale * factor);
  const px = view.cx + (at.x - viewport.width / 2) / view.scale;
  const py = view.cy + (at.y - viewport.height / 2) / view.scale;
  return { scale, cx: px - (at.x - viewport.width / 2) / scale, cy: py - (at.y - viewport.height / 2) / scale };
}

/** Moves the picture by a drag of (dx, dy) screen pixels. */
export function panBy(view: View, dx: number, dy: number): View {
  return { ...view, cx: view.cx - dx / view.scale, cy: view.cy - dy / view.scale };
}

/** The CSS transform that puts frame pixel (0, 0) where `view` says, for an element of the frame's size. */
export function viewTransform(view: View, viewport: Size): string {
  const tx = viewport.width / 2 - view.cx * view.scale;
  const ty = viewport.height / 2 - view.cy * view.scale;
  return `translate(${tx}px, ${ty}px) scale(${view.scale})`;
}

/** A point in the element's client box → frame pixel coordinates (independent of the zoom). */
export function toFramePoint(clientX: number, clientY: number, box: DOMRect | { left: number; top: number; width: number; height: number }, frame: Size) {
  return {
    x: ((clientX - box.left) / box.width) * frame.width,
    y: ((clientY - box.top) / box.height) * frame.height,
  };
}
