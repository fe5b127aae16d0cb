/** The frames the timeline shows: frame n covers [n, n + 1) on its axis. */
export interface TimeRange {
  start: number;
  end: number;
}

export function wholeRange(first: number, last: number): TimeRange {
  return { start: first, end: last + 1 };
}

/** Keeps a range inside the recording, at least `minFrames` long. */
export function clampRange(range: TimeRange, first: number, last: number, minFrames = 10): TimeRange {
  const total = last + 1 - first;
  const span = Math.min(total, Math.max(Math.min(minFrames, total), range.end - range.start));
  const start = Math.min(last + 1 - span, Math.max(first, range.start));
  return { start, end: start + span };
}

/** Zooms the range by `factor` (<1 zooms in) around frame position `at`. */
export function zoomRange(range: TimeRange, factor: number, at: number, first: number, last: number): TimeRange {
  const start = at - (at - range.start) * factor;
  const end = at + (range.end - at) * factor;
  return clampRange({ start, end }, first, last);
}

/** Scrolls the range so that frame `n` is inside it (with a margin), or returns it unchanged. */
export function follow(range: TimeRange, n: number, first: number, last: number): TimeRange {
  const span = range.end - range.start;
  const margin = Math.min(span * 0.05, 5);
  const leftOk = n >= range.start + margin || range.start <= first;
  const rightOk = n + 1 <= range.end - margin || range.end >= last + 1;
  if (leftOk && rightOk) return range;
  const next = !leftOk
    ? clampRange({ start: n - span * 0.25, end: n - span * 0.25 + span }, first, last)
    : clampRange({ start: n + 1 - span * 0.75, end: n + 1 + span * 0.25 }, first, last);
  return next.start === range.start && next.end === range.end ? range : next;
}

/** Frames whose previews tile the visible range: every `stride`-th frame from `first`, so tiles stay put while scrolling. */
export function previewFrames(range: TimeRange, pxPerFrame: number, tileWidth: number, first: number, last: number): { frames: number[]; stride: number } {
  const stride = Math.max(1, Math.ceil(tileWidth / pxPerFrame));
  const from = first + Math.floor((range.start - first) / stride) * stride;
  const frames: number[] = [];
  for (let n = from; n < range.end && n <= last; n += stride) frames.push(n);
  return { frames, stride };
}

/**
 * CSS that shows the `index`-th of `count` side-by-side previews (each `aspect` wide per unit of
 * height) as a background covering a `width` x `height` box, centred and cropped as object-fit:
 * cover would: the other previews of the sheet stay outside the box.
 */
export function coverTile(width: number, height: number, aspect: number, index: number, count: number): { backgroundSize: string; backgroundPosition: string } {
  const tileWidth = Math.max(width, height * aspect);
  const tileHeight = tileWidth / aspect;
  const left = (width - tileWidth) / 2 - index * tileWidth;
  const top = (height - tileHeight) / 2;
  return { backgroundSize: `${tileWidth * count}px ${tileHeight}px`, backgroundPosition: `${left}px ${top}px` };
}
