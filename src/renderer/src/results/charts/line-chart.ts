import { chartFont, fontSize, gridColour, inkColour, mutedColour, seriesColour, textWidth } from './chart-style';
import { downsample, type Point } from './downsample';
import { linear, niceTicks, paddedDomain, tickDigits } from './scale';
import { el, type SvgAttrs, type SvgElement } from './svg-node';

export interface LineSeries {
  name: string;
  /** y null = no value there (the line breaks). */
  points: readonly { x: number; y: number | null }[];
}

export interface LineChartInput {
  title: string;
  xLabel: string;
  yLabel: string;
  series: readonly LineSeries[];
  /** Vertical lines, e.g. where a training stage begins; an emphasised one (the epoch kept) is solid, labelled at the foot. */
  markers?: readonly { x: number; label: string; emphasis?: boolean }[];
  /** A fixed y range (e.g. 0..1 for accuracies); otherwise the data's. */
  yDomain?: readonly [number, number];
  integerX?: boolean;
  width?: number;
  /** Points drawn per series at most (the rest are downsampled away). */
  maxPoints?: number;
}

/** Runs of consecutive points with a value. */
function segments(points: LineSeries['points']): Point[][] {
  const runs: Point[][] = [];
  let current: Point[] = [];
  for (const p of points) {
    if (p.y === null || !Number.isFinite(p.y)) {
      if (current.length > 0) runs.push(current);
      current = [];
    } else current.push({ x: p.x, y: p.y });
  }
  if (current.length > 0) runs.push(current);
  return runs;
}

/** A line chart of one or more series with axes, ticks, grid, markers and a legend below. */
export function lineChart(input: LineChartInput): SvgElement {
  const width = input.width ?? 600;
  const plotHeight = 190;
  const margin = { left: 60, right: 18, top: 34, bottom: 44 };
  const maxPoints = input.maxPoints ?? 300;
  const series = input.series.map((s) => ({ name: s.name, runs: segments(s.points) }));
  const all = series.flatMap((s) => s.runs.flat());
  const xDomain = paddedDomain(all.map((p) => p.x));
  const yDomain = input.yDomain ? ([input.yDomain[0], input.yDomain[1]] as [number, number]) : paddedDomain(all.map((p) => p.y));
  const plotWidth = width - margin.left - margin.right;
  const x = linear(xDomain, [margin.left, margin.left + plotWidth]);
  const y = linear(yDomain, [margin.top + plotHeight, margin.top]);

  // Legend rows under the x axis label.
  const legendTop = margin.top + plotHeight + margin.bottom;
  let cursor = margin.left;
  let row = 0;
  const legend = series.map((s, i) => {
    const itemWidth = textWidth(s.name) + 30;
    if (cursor + itemWidth > width - margin.right && cursor > margin.left) {
      cursor = margin.left;
      row++;
    }
    const at = { x: cursor, y: legendTop + row * 18 };
    cursor += itemWidth;
    return el(
      'g',
      { 'data-legend': s.name },
      el('line', { x1: at.x, x2: at.x + 16, y1: at.y, y2: at.y, stroke: seriesColour(i), 'stroke-width': 2.5 }),
      el('text', { 'font-family': chartFont, 'font-size': fontSize, fill: inkColour, x: at.x + 21, y: at.y, 'dominant-baseline': 'central' }, s.name),
    );
  });
  const height = legendTop + (series.length > 0 ? (row + 1) * 18 : 0) + 6;

  const text = { 'font-family': chartFont, 'font-size': fontSize - 1, fill: mutedColour } as const;
  const xTicks = niceTicks(xDomain[0], xDomain[1], 6, input.integerX ?? false);
  const yTicks = niceTicks(yDomain[0], yDomain[1], 5);
  const yDigits = tickDigits(yTicks);
  const bottom = margin.top + plotHeight;
  const right = margin.left + plotWidth;
  const grid = [
    ...yTicks.map((t) =>
      el('g', {}, el('line', { x1: margin.left, x2: right, y1: y(t), y2: y(t), stroke: gridColour }), el('text', { ...text, x: margin.left - 6, y: y(t), 'text-anchor': 'end', 'dominant-baseline': 'central' }, t.toFixed(yDigits))),
    ),
    ...xTicks.map((t) => el('text', { ...text, x: x(t), y: bottom + 16, 'text-anchor': 'middle' }, String(t))),
  ];
  // A marker outside the data's x range (e.g. a stage without this series) would be drawn off the plot.
  const shown = (input.markers ?? []).filter((m) => m.x >= xDomain[0] && m.x <= xDomain[1]);
  const markers = shown.map((m) => {
    const at = x(m.x);
    // A label near the right edge goes left of its line, so it stays inside the plot.
    const label: SvgAttrs = at + 4 + textWidth(m.label) > right ? { x: at - 4, 'text-anchor': 'end' } : { x: at + 4, 'text-anchor': 'start' };
    const emphasis: SvgAttrs = m.emphasis ? { y: bottom - 6, fill: inkColour, 'font-weight': 600 } : { y: margin.top + 10 };
    return el(
      'g',
      { 'data-marker': m.label },
      el('line', { x1: at, x2: at, y1: margin.top, y2: bottom, stroke: m.emphasis ? inkColour : mutedColour, 'stroke-dasharray': m.emphasis ? 'none' : '4 3' }),
      el('text', { ...text, ...label, ...emphasis }, m.label),
    );
  });
  const lines = series.map((s, i) => {
    const runs = s.runs.map((r) => downsample(r, maxPoints));
    const few = runs.reduce((n, r) => n + r.length, 0) <= 40;
    const colour = seriesColour(i);
    return el(
      'g',
      { 'data-series': s.name },
      ...runs.filter((r) => r.length > 1).map((r) => el('polyline', { points: r.map((p) => `${x(p.x).toFixed(1)},${y(p.y).toFixed(1)}`).join(' '), fill: 'none', stroke: colour, 'stroke-width': 2, 'stroke-linejoin': 'round' })),
      ...(few ? runs.flat().map((p) => el('circle', { cx: x(p.x), cy: y(p.y), r: 3, fill: colour })) : []),
    );
  });
  return el(
    'svg',
    { width, height, viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': input.title },
    el('rect', { x: 0, y: 0, width, height, fill: '#ffffff' }),
    el('text', { 'font-family': chartFont, 'font-size': 13, 'font-weight': 600, fill: inkColour, x: 8, y: 18 }, input.title),
    ...grid,
    el('rect', { x: margin.left, y: margin.top, width: plotWidth, height: plotHeight, fill: 'none', stroke: '#b8c2cf' }),
    ...markers,
    ...lines,
    all.length === 0 && el('text', { ...text, x: margin.left + plotWidth / 2, y: margin.top + plotHeight / 2, 'text-anchor': 'middle' }, 'No values recorded'),
    el('text', { ...text, 'font-weight': 600, x: margin.left + plotWidth / 2, y: bottom + 34, 'text-anchor': 'middle' }, input.xLabel),
    el('text', { ...text, 'font-weight': 600, x: 14, y: margin.top + plotHeight / 2, 'text-anchor': 'middle', transform: `rotate(-90 14 ${margin.top + plotHeight / 2})` }, input.yLabel),
    ...legend,
  );
}
