import { useEffect, useRef, useState } from 'react';
import { clampScale, fitView, panBy, viewTransform, zoomAt, type Size, type View } from './viewport-math';

export interface Viewport {
  /** Put on the element the frame is shown in (a callback ref). */
  containerRef: (element: HTMLDivElement | null) => void;
  size: Size;
  view: View;
  /** True while the whole frame is fitted (the view follows the window size). */
  fitted: boolean;
  transform: string;
  /** Past one frame pixel per device pixel: show hard pixel edges, never smoothing. */
  pixelated: boolean;
  zoomBy: (factor: number) => void;
  fit: () => void;
  /** One frame pixel per device pixel. */
  actualSize: () => void;
  pan: (dx: number, dy: number) => void;
}

/** Zoom (wheel, +/−) and pan (drag) of the frame inside its viewport. */
export function useViewport(frame: Size): Viewport {
  const [element, setElement] = useState<HTMLDivElement | null>(null);
  const [size, setSize] = useState<Size>({ width: 0, height: 0 });
  const [manual, setManual] = useState<View | null>(null);
  const view = manual ?? fitView(frame, size);
  const viewRef = useRef(view);
  useEffect(() => {
    viewRef.current = view;
  });

  useEffect(() => {
    if (!element) return undefined;
    const observer = new ResizeObserver(([entry]) => {
      if (entry) setSize({ width: entry.contentRect.width, height: entry.contentRect.height });
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [element]);

  useEffect(() => {
    if (!element) return undefined;
    const onWheel = (event: WheelEvent) => {
      event.preventDefault();
      const box = element.getBoundingClientRect();
      const factor = Math.exp(-event.deltaY * (event.deltaMode === 1 ? 0.05 : 0.0015));
      const viewport = { width: box.width, height: box.height };
      setManual(zoomAt(viewRef.current, factor, { x: event.clientX - box.left, y: event.clientY - box.top }, viewport));
    };
    element.addEventListener('wheel', onWheel, { passive: false });
    return () => element.removeEventListener('wheel', onWheel);
  }, [element]);

  const dpr = typeof window === 'undefined' ? 1 : window.devicePixelRatio || 1;
  return {
    containerRef: setElement,
    size,
    view,
    fitted: manual === null,
    transform: viewTransform(view, size),
    pixelated: view.scale * dpr > 1.001,
    zoomBy: (factor) => setManual(zoomAt(view, factor, { x: size.width / 2, y: size.height / 2 }, size)),
    fit: () => setManual(null),
    actualSize: () => setManual({ ...view, scale: clampScale(1 / dpr) }),
    pan: (dx, dy) => setManual(panBy(viewRef.current, dx, dy)),
  };
}
