import { describe, expect, it } from 'vitest';
import { confusionChart, rowShares } from './confusion-chart';
import { lineChart } from './line-chart';
import { niceTicks } from './scale';
import { el, serialise, svgDocument, type SvgChild, type SvgElement } from './svg-node';

function findAll(node: SvgChild, match: (e: SvgElement) => boolean): SvgElement[] {
  if (typeof node === 'string') return [];
  return [...(match(node) ? [node] : []), ...node.children.flatMap((c) => findAll(c, match))];
}
const textOf = (e: SvgElement) => e.children.filter((c) => typeof c === 'string').join('');

const classes = ['happiness', 'surprise', 'fear & <anger>'];
const matrix = [
  [3, 1, 0],
  [0, 2, 2],
  [0, 0, 0],
];

describe('SVG serialisation', () => {
  it('escapes text and attributes, so any class name gives a valid file', () => {
    const svg = serialise(el('text', { 'data-x': 'a"b<c' }, 'fear & <anger>'));
    expect(svg).toBe('<text data-x="a&quot;b&lt;c">fear &amp; &lt;anger&gt;</text>');
  });

  it('writes a standalone document with the SVG namespace', () => {
    const doc = svgDocument(el('svg', { width: 10, height: 10 }));
    expect(doc).toContain('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>');
    expect(doc.startsWith('<?xml')).toBe(true);
  });
});

describe('the confusion matrix chart', () => {
  it('names every class on both axes and writes the counts in the cells', () => {
    const chart = confusionChart({ title: 'Pooled', classes, matrix, mode: 'counts' });
    expect(findAll(chart, (e) => e.attrs['data-axis'] === 'true').map(textOf)).toEqual(classes);
    expect(findAll(chart, (e) => e.attrs['data-axis'] === 'predicted').map(textOf)).toEqual(classes);
    const cells = findAll(chart, (e) => e.attrs['data-count'] !== undefined);
    expect(cells).toHaveLength(9);
    expect(cells.reduce((n, c) => n + Number(c.attrs['data-count']), 0)).toBe(8);
    const cell = cells.find((c) => c.attrs['data-true'] === 'surprise' && c.attrs['data-predicted'] === 'fear & <anger>')!;
    expect(findAll(cell, (e) => e.tag === 'text').map(textOf)).toEqual(['2']);
  });

  it('row-normalised, writes each row as shares summing to 1, and a dash for a class without samples', () => {
    expect(rowShares(matrix)).toEqual([[0.75, 0.25, 0], [0, 0.5, 0.5], [null, null, null]]);
    const chart = confusionChart({ title: 'Pooled', classes, matrix, mode: 'normalised' });
    const written = findAll(chart, (e) => e.attrs['data-count'] !== undefined).map((c) => textOf(findAll(c, (e) => e.tag === 'text')[0]!));
    expect(written).toEqual(['0.75', '0.25', '0.00', '0.00', '0.50', '0.50', '—', '—', '—']);
    expect(chart.attrs['aria-label']).toBe('Pooled (row-normalised)');
  });
});

describe('the line chart', () => {
  it('draws one line per series, breaks it where a value is missing, and names the series in the legend', () => {
    const chart = lineChart({
      title: 'Accuracy',
      xLabel: 'Epoch',
      yLabel: 'Accuracy',
      series: [
        { name: 'train', points: [1, 2, 3, 4].map((x) => ({ x, y: x / 4 })) },
        { name: 'validation', points: [{ x: 1, y: 0.2 }, { x: 2, y: 0.3 }, { x: 3, y: null }, { x: 4, y: 0.5 }, { x: 5, y: 0.6 }] },
      ],
      markers: [{ x: 3, label: 'Stage 4' }],
    });
    const lines = (name: string) => findAll(findAll(chart, (e) => e.attrs['data-series'] === name)[0]!, (e) => e.tag === 'polyline');
    expect(lines('train')).toHaveLength(1);
    expect(lines('validation')).toHaveLength(2);
    expect(findAll(chart, (e) => e.attrs['data-legend'] !== undefined).map((e) => e.attrs['data-legend'])).toEqual(['train', 'validation']);
    expect(findAll(chart, (e) => e.attrs['data-marker'] === 'Stage 4')).toHaveLength(1);
  });

  it('leaves out markers outside the plotted x range', () => {
    const chart = lineChart({ title: 'MI', xLabel: 'Epoch', yLabel: 'MI', series: [{ name: 'mi', points: [{ x: 4, y: 0.1 }, { x: 6, y: 0.2 }] }], markers: [{ x: 1, label: 'Stage 1' }, { x: 4, label: 'Stage 2' }] });
    expect(findAll(chart, (e) => e.attrs['data-marker'] !== undefined).map((e) => e.attrs['data-marker'])).toEqual(['Stage 2']);
  });

  it('draws a long curve with at most maxPoints points', () => {
    const points = Array.from({ length: 3000 }, (_, i) => ({ x: i, y: Math.cos(i / 100) }));
    const chart = lineChart({ title: 'Loss', xLabel: 'Epoch', yLabel: 'Loss', series: [{ name: 'total', points }], maxPoints: 250 });
    const [line] = findAll(chart, (e) => e.tag === 'polyline');
    expect(String(line!.attrs['points']).split(' ')).toHaveLength(250);
  });

  it('says so when there is nothing to draw', () => {
    const chart = lineChart({ title: 'MI', xLabel: 'Epoch', yLabel: 'MI', series: [{ name: 'mi', points: [] }] });
    expect(serialise(chart)).toContain('No values recorded');
  });
});

describe('axis ticks', () => {
  it('steps by 1, 2 or 5 times a power of ten, and by whole numbers for epochs', () => {
    expect(niceTicks(0, 1)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    expect(niceTicks(1, 4, 6, true)).toEqual([1, 2, 3, 4]);
    expect(niceTicks(0, 300, 6, true)).toEqual([0, 50, 100, 150, 200, 250, 300]);
  });
});
