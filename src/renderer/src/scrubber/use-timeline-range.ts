import { useEffect, useState } from 'react';
import { clampRange, follow, wholeRange, zoomRange, type TimeRange } from './timeline-math';

/** Start with at most this many frames in view; long recordings are zoomed in around the playhead. */
const initialSpan = 600;

export interface TimelineRange {
  range: TimeRange;
  pxPerFrame: number;
  /** The frame under x pixels from the left edge. */
  frameAt: (x: number) => number;
  xOf: (n: number) => number;
  zoom: (factor: number, atX: number) => void;
  scroll: (frames: number) => void;
  showAll: () => void;
  centreOn: (n: number) => void;
}

/** Which frames the timeline shows: zoomable with the wheel, and following the playhead. */
export function useTimelineRange(first: number, last: number, playhead: number, width: number, element: HTMLElement | null): TimelineRange {
  const [stored, setStored] = useState<TimeRange>(() =>
    clampRange({ start: playhead - initialSpan / 2, end: playhead + initialSpan / 2 }, first, last),
  );
  const range = follow(stored, playhead, first, last);
  if (range !== stored) setStored(range);

  const span = range.end - range.start;
  const pxPerFrame = width > 0 ? width / span : 1;
  const frameAt = (x: number) => Math.min(last, Math.max(first, Math.floor(range.start + x / pxPerFrame)));

  useEffect(() => {
    if (!element) return undefined;
    const onWheel = (event: WheelEvent) => {
      event.preventDefault();
      const box = element.getBoundingClientRect();
      setStored((current) => {
        const ppf = box.width / (current.end - current.start);
        if (event.shiftKey || Math.abs(event.deltaX) > Math.abs(event.deltaY)) {
          const frames = (event.shiftKey ? event.deltaY : event.deltaX) / ppf;
          return clampRange({ start: current.start + frames, end: current.end + frames }, first, last);
        }
        const at = current.start + (event.clientX - box.left) / ppf;
        return zoomRange(current, Math.exp(event.deltaY * 0.002), at, first, last);
      });
    };
    element.addEventListener('wheel', onWheel, { passive: false });
    return () => element.removeEventListener('wheel', onWheel);
  }, [element, first, last]);

  return {
    range,
    pxPerFrame,
    frameAt,
    xOf: (n) => (n - range.start) * pxPerFrame,
    zoom: (factor, atX) => setStored(zoomRange(range, factor, range.start + atX / pxPerFrame, first, last)),
    scroll: (frames) => setStored(clampRange({ start: range.start + frames, end: range.end + frames }, first, last)),
    showAll: () => setStored(wholeRange(first, last)),
    centreOn: (n) => setStored(clampRange({ start: n - span / 2, end: n + span / 2 }, first, last)),
  };
}
