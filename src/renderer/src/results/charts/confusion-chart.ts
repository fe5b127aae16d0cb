import { chartFont, fontSize, gridColour, heatColour, inkColour, mutedColour, textWidth } from './chart-style';
import { el, type SvgElement } from './svg-node';

export type ConfusionMode = 'counts' | 'normalised';

/** Each row divided by its sum (the share of a true class predicted as each class); null for an empty row. */
export function rowShares(matrix: readonly (readonly number[])[]): (number | null)[][] {
  return matrix.map((row) => {
    const total = row.reduce((a, b) => a + b, 0);
    return row.map((count) => (total === 0 ? null : count / total));
  });
}

export interface ConfusionChartInput {
  title: string;
  classes: readonly string[];
  /** matrix[true][predicted] */
  matrix: readonly (readonly number[])[];
  mode: ConfusionMode;
}

/**
 * The confusion matrix as a heat map: true classes down the left, predicted classes along the
 * bottom. Cells are shaded by their share of the row in both modes, so a rare class's recall
 * reads as clearly as a common one's; the mode changes the numbers written in the cells.
 */
export function confusionChart({ title, classes, matrix, mode }: ConfusionChartInput): SvgElement {
  const n = classes.length;
  const shares = rowShares(matrix);
  const cell = Math.min(64, Math.max(34, Math.floor(480 / Math.max(1, n))));
  const longest = Math.max(0, ...classes.map(textWidth));
  const rowLabelWidth = Math.min(170, longest + 12);
  const rotate = longest > cell - 6;
  const columnLabelHeight = rotate ? Math.min(130, longest * 0.72 + 14) : 22;
  const left = 26 + rowLabelWidth;
  const top = 34;
  const grid = n * cell;
  // The title is set larger and bold: allow for wider glyphs.
  const width = Math.max(left + grid + 16, textWidth(title) * 1.15 + 24);
  const height = top + grid + columnLabelHeight + 30;
  const text = { 'font-family': chartFont, 'font-size': fontSize, fill: inkColour } as const;

  const cells = matrix.flatMap((row, t) =>
    row.map((count, p) => {
      const share = shares[t]![p]!;
      const label = mode === 'counts' ? String(count) : share === null ? '—' : share.toFixed(2);
      const x = left + p * cell;
      const y = top + t * cell;
      const shade = share ?? 0;
      return el(
        'g',
        { 'data-true': classes[t]!, 'data-predicted': classes[p]!, 'data-count': count },
        el('title', {}, `true ${classes[t]}, predicted ${classes[p]}: ${count}${share === null ? '' : ` (${Math.round(share * 100)} % of the row)`}`),
        el('rect', { x, y, width: cell, height: cell, fill: heatColour(shade), stroke: gridColour, 'stroke-width': 1 }),
        el('text', { ...text, x: x + cell / 2, y: y + cell / 2, 'text-anchor': 'middle', 'dominant-baseline': 'central', fill: shade > 0.5 ? '#ffffff' : inkColour, 'font-weight': t === p ? 700 : 400 }, label),
      );
    }),
  );
  const rowLabels = classes.map((name, t) =>
    el('text', { ...text, 'data-axis': 'true', x: left - 8, y: top + t * cell + cell / 2, 'text-anchor': 'end', 'dominant-baseline': 'central' }, name),
  );
  const columnLabels = classes.map((name, p) => {
    const x = left + p * cell + cell / 2;
    const y = top + grid + 14;
    return rotate
      ? el('text', { ...text, 'data-axis': 'predicted', x, y, 'text-anchor': 'end', transform: `rotate(-40 ${x} ${y})` }, name)
      : el('text', { ...text, 'data-axis': 'predicted', x, y, 'text-anchor': 'middle' }, name);
  });
  const axisTitle = { ...text, fill: mutedColour, 'font-weight': 600 } as const;
  return el(
    'svg',
    { width, height, viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': `${title} (${mode === 'counts' ? 'counts' : 'row-normalised'})` },
    el('rect', { x: 0, y: 0, width, height, fill: '#ffffff' }),
    el('text', { ...text, x: 8, y: 18, 'font-weight': 600, 'font-size': 13 }, title),
    ...cells,
    ...rowLabels,
    ...columnLabels,
    el('text', { ...axisTitle, x: 14, y: top + grid / 2, 'text-anchor': 'middle', transform: `rotate(-90 14 ${top + grid / 2})` }, 'True class'),
    el('text', { ...axisTitle, x: left + grid / 2, y: height - 8, 'text-anchor': 'middle' }, 'Predicted class'),
  );
}
