import { ablationRows, type Ablation, type Metrics, type Run } from '../../../shared/api/training';
import { difference } from './format';

/** The row of the paper's Table 5 (MODEL.md) whose switches a run used, or null for none. */
export function ablationRowOf(a: Ablation): number | null {
  const match = Object.entries(ablationRows).find(([, r]) => r.dao === a.dao && r.divergence === a.divergence && r.decoupling === a.decoupling);
  return match ? Number(match[0]) : null;
}

export interface Deltas {
  accuracy: number | null;
  uf1: number | null;
  uar: number | null;
}

function deltas(a: Metrics | null, b: Metrics | null): Deltas {
  return { accuracy: difference(a?.accuracy ?? null, b?.accuracy ?? null), uf1: difference(a?.uf1 ?? null, b?.uf1 ?? null), uar: difference(a?.uar ?? null, b?.uar ?? null) };
}

export interface AblationLine {
  run: Run;
  /** Table 5 row, or null when the switches match none. */
  row: number | null;
  /** Against the first line of the table (row 1 when it was run). */
  vsFirst: Deltas;
  /** Against the line above; null for the first. */
  vsPrevious: Deltas | null;
}

/**
 * An ablation matrix as the paper prints it: runs in Table 5's row order (then oldest first), each
 * with its pooled metrics' differences from the first line and from the line above.
 */
export function ablationLines(runs: readonly Run[]): AblationLine[] {
  const sorted = runs
    .map((run) => ({ run, row: ablationRowOf(run.config.ablation) }))
    .sort((a, b) => (a.row ?? 99) - (b.row ?? 99) || a.run.id - b.run.id);
  return sorted.map(({ run, row }, i) => ({
    run,
    row,
    vsFirst: deltas(run.pooled, sorted[0]!.run.pooled),
    vsPrevious: i === 0 ? null : deltas(run.pooled, sorted[i - 1]!.run.pooled),
  }));
}

/** Every class of the runs, in the order first seen (runs on different label sets may differ). */
export function classUnion(runs: readonly Pick<Run, 'classes'>[]): string[] {
  return [...new Set(runs.flatMap((r) => r.classes))];
}

/** A run's pooled metrics of one class, or null when the run has no such class. */
export function classMetrics(run: Pick<Run, 'pooled'>, label: string) {
  return run.pooled?.perClass.find((c) => c.label === label) ?? null;
}

/**
 * What besides the model differs between runs (protocol and folds, data selection, classes, test
 * samples), as words; empty when their figures compare like for like.
 */
export function confounders(runs: readonly Run[]): string[] {
  const differs = (key: (r: Run) => unknown) => new Set(runs.map((r) => JSON.stringify(key(r)))).size > 1;
  return [
    differs((r) => r.config.protocol) && 'protocol or folds',
    differs((r) => r.config.data) && 'data selection',
    differs((r) => r.classes) && 'classes',
    differs((r) => r.pooled?.samples ?? 0) && 'number of test samples',
  ].filter((x): x is string => x !== false);
}
