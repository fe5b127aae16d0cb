/** What every chart shares, so exported figures look alike. */

export const chartFont = 'system-ui, "Segoe UI", Roboto, Arial, sans-serif';
export const fontSize = 12;
/** A rough mean glyph width of the chart font at fontSize, to make room for labels. */
export const charWidth = 6.8;
export const inkColour = '#1d2733';
export const mutedColour = '#5b6b7f';
export const gridColour = '#dde3ea';

/** Series colours: distinguishable, and still distinguishable in greyscale print order. */
export const seriesColours = ['#2c4f7c', '#d1495b', '#2a9d8f', '#e9a03b', '#7b5ea7', '#4d908e', '#8d6a3f', '#c2588f'];

export function seriesColour(index: number): string {
  return seriesColours[index % seriesColours.length]!;
}

/** White → the theme's primary blue, t in 0..1. */
export function heatColour(t: number): string {
  const from = [255, 255, 255];
  const to = [44, 79, 124];
  const c = from.map((f, i) => Math.round(f + (to[i]! - f) * Math.min(1, Math.max(0, t))));
  return `rgb(${c[0]}, ${c[1]}, ${c[2]})`;
}

export function textWidth(text: string): number {
  return text.length * charWidth;
}
