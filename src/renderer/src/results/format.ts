/**
 * Numbers of results as papers print them: accuracy as a percentage, UF1 and UAR (MEGC 2019) as
 * fractions to four places, differences with a sign. Null (0/0, e.g. a class absent from a fold)
 * shows as a dash, never as 0.
 */

const minus = '\u2212';

export function formatAccuracy(value: number | null): string {
  return value === null ? '—' : `${(value * 100).toFixed(1)} %`;
}

export function formatScore(value: number | null, digits = 4): string {
  return value === null ? '—' : value.toFixed(digits);
}

function signed(text: string, value: number): string {
  if (Number(text) === 0) return text.replace('-', '');
  return value > 0 ? `+${text}` : `${minus}${text.replace('-', '')}`;
}

/** A difference of accuracies in percentage points: "+3.4 pp", "−1.0 pp". */
export function formatAccuracyDelta(delta: number | null): string {
  return delta === null ? '—' : `${signed((delta * 100).toFixed(1), delta)} pp`;
}

/** A difference of UF1 or UAR: "+0.0291". */
export function formatScoreDelta(delta: number | null): string {
  return delta === null ? '—' : signed(delta.toFixed(4), delta);
}

export function difference(a: number | null, b: number | null): number | null {
  return a === null || b === null ? null : a - b;
}
