/**
 * Cohen's kappa for two coders' labels of the same items: (po − pe) / (1 − pe). When chance
 * agreement is certain (both coders used one and the same label throughout), kappa is undefined;
 * we report 1 for perfect agreement then, and null when there are no items.
 */
export function cohenKappa(pairs: readonly (readonly [string, string])[]): number | null {
  const n = pairs.length;
  if (n === 0) return null;
  const agree = pairs.filter(([x, y]) => x === y).length;
  const po = agree / n;
  const countA = new Map<string, number>();
  const countB = new Map<string, number>();
  for (const [x, y] of pairs) {
    countA.set(x, (countA.get(x) ?? 0) + 1);
    countB.set(y, (countB.get(y) ?? 0) + 1);
  }
  let pe = 0;
  for (const [label, na] of countA) pe += (na / n) * ((countB.get(label) ?? 0) / n);
  if (pe >= 1) return po === 1 ? 1 : 0;
  return (po - pe) / (1 - pe);
}

/** The two counts of Ekman & Friesen's FACS agreement ratio for one event: 2·|A∩B| and |A|+|B|. */
export function facsCounts(a: readonly number[], b: readonly number[]): { agreed: number; scored: number } {
  const setB = new Set(b);
  const both = new Set(a.filter((au) => setB.has(au))).size;
  return { agreed: 2 * both, scored: new Set(a).size + setB.size };
}

/** Ekman & Friesen's ratio: 2 × AUs both coders scored / AUs scored by the two; null if neither scored any. */
export function facsAgreement(a: readonly number[], b: readonly number[]): number | null {
  const { agreed, scored } = facsCounts(a, b);
  return scored === 0 ? null : agreed / scored;
}

export interface Spread {
  mean: number;
  max: number;
  /** How many differences went into it. */
  n: number;
}

/** Mean and maximum of absolute differences; null when there are none. */
export function spread(diffs: readonly number[]): Spread | null {
  if (diffs.length === 0) return null;
  const abs = diffs.map(Math.abs);
  return { mean: abs.reduce((s, d) => s + d, 0) / abs.length, max: Math.max(...abs), n: abs.length };
}
