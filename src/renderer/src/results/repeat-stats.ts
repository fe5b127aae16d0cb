import type { Run } from '../../../shared/api/training';

/** Mean and sample standard deviation (n − 1) of a figure over repeats; sd is null below two values. */
export interface Spread {
  mean: number;
  sd: number | null;
  n: number;
}

/** Runs with the same configuration but the seed: one launch's repeats (or repeats launched apart). */
export interface RepeatSet {
  runs: Run[];
  seeds: number[];
  /** Runs that succeeded: only their pooled figures count. */
  finished: number;
  accuracy: Spread | null;
  uf1: Spread | null;
  uar: Spread | null;
}

/** Mean ± sample SD of the values present (null values, e.g. 0/0 metrics, are left out). */
export function spreadOf(values: readonly (number | null)[]): Spread | null {
  const xs = values.filter((v): v is number => v !== null);
  if (xs.length === 0) return null;
  const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
  const sd = xs.length < 2 ? null : Math.sqrt(xs.reduce((a, x) => a + (x - mean) ** 2, 0) / (xs.length - 1));
  return { mean, sd, n: xs.length };
}

const withoutSeed = (run: Run) => JSON.stringify({ ...run.config, seed: null });

/** The runs that differ only in their seed, two or more to a set, in the order first seen. */
export function repeatSets(runs: readonly Run[]): RepeatSet[] {
  const sets = new Map<string, Run[]>();
  for (const run of runs) sets.set(withoutSeed(run), [...(sets.get(withoutSeed(run)) ?? []), run]);
  return [...sets.values()]
    .filter((set) => set.length > 1)
    .map((set) => {
      const done = set.filter((r) => r.status === 'succeeded');
      const figure = (key: 'accuracy' | 'uf1' | 'uar') => spreadOf(done.map((r) => r.pooled?.[key] ?? null));
      return { runs: set, seeds: set.map((r) => r.config.seed).sort((a, b) => a - b), finished: done.length, accuracy: figure('accuracy'), uf1: figure('uf1'), uar: figure('uar') };
    });
}

/** "62.5 ± 3.1 %" for accuracy, "0.6123 ± 0.0210" for UF1 and UAR; a dash for nothing, no ± for one value. */
export function formatSpread(spread: Spread | null, kind: 'accuracy' | 'score'): string {
  if (spread === null) return '—';
  const text = (v: number) => (kind === 'accuracy' ? (v * 100).toFixed(1) : v.toFixed(4));
  const unit = kind === 'accuracy' ? ' %' : '';
  return spread.sd === null ? `${text(spread.mean)}${unit}` : `${text(spread.mean)} ± ${text(spread.sd)}${unit}`;
}
