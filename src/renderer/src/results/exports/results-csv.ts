import type { FoldResult, Metrics, Run, RunPrediction } from '../../../../shared/api/training';
import { ablationRowOf, classMetrics, classUnion } from '../comparison';
import { toCsv, type CsvValue } from './csv';

const metricsHeader = ['run_id', 'run_name', 'scope', 'fold', 'class', 'samples', 'accuracy', 'uf1', 'uar', 'support', 'recall', 'precision', 'f1', 'chosen_epoch', 'chosen_because'];

function metricRows(run: Run, scope: string, fold: FoldResult | null, m: Metrics): CsvValue[][] {
  const summary: CsvValue[] = [run.id, run.name, scope, fold?.fold ?? null, null, m.samples, m.accuracy, m.uf1, m.uar, null, null, null, null, fold?.chosenEpoch ?? null, fold?.chosenBecause ?? null];
  const perClass = m.perClass.map((c): CsvValue[] => [run.id, run.name, scope, fold?.fold ?? null, c.label, null, null, null, null, c.support, c.recall, c.precision, c.f1, null, null]);
  return [summary, ...perClass];
}

/**
 * Every figure of a run, one row each: for the pooled set and each fold a summary row (class
 * empty: samples, accuracy, UF1, UAR, the epoch kept) and a row per class (support, recall,
 * precision, F1). Unrounded; an empty cell is a value that is 0/0.
 */
export function metricsCsv(run: Run): string {
  const rows = [
    metricsHeader,
    ...(run.pooled ? metricRows(run, 'pooled', null, run.pooled) : []),
    ...run.folds.flatMap((f) => metricRows(run, f.name, f, f.metrics)),
  ];
  return toCsv(rows);
}

/** Every test sample: fold, event, subject, true and predicted class, and the class probabilities. */
export function predictionsCsv(run: Run, predictions: readonly RunPrediction[]): string {
  const foldName = new Map(run.folds.map((f) => [f.fold, f.name]));
  const header = ['run_id', 'fold', 'fold_name', 'event_id', 'subject', 'true_class', 'predicted_class', 'correct', ...run.classes.map((c) => `p_${c}`)];
  const rows = predictions.map((p): CsvValue[] => [
    run.id,
    p.fold,
    foldName.get(p.fold) ?? null,
    p.eventId,
    p.subject,
    run.classes[p.trueClass] ?? p.trueClass,
    run.classes[p.predictedClass] ?? p.predictedClass,
    p.trueClass === p.predictedClass,
    ...p.probabilities,
  ]);
  return toCsv([header, ...rows]);
}

/** Runs side by side, one row each: switches, pooled metrics and each class's F1. */
export function comparisonCsv(runs: readonly Run[]): string {
  const classes = classUnion(runs);
  const header = ['run_id', 'run_name', 'group', 'table5_row', 'dao', 'divergence', 'decoupling', 'protocol', 'samples', 'accuracy', 'uf1', 'uar', ...classes.map((c) => `f1_${c}`)];
  const rows = runs.map((r): CsvValue[] => [
    r.id,
    r.name,
    r.group,
    ablationRowOf(r.config.ablation),
    r.config.ablation.dao,
    r.config.ablation.divergence,
    r.config.ablation.decoupling,
    r.config.protocol.protocol,
    r.pooled?.samples ?? null,
    r.pooled?.accuracy ?? null,
    r.pooled?.uf1 ?? null,
    r.pooled?.uar ?? null,
    ...classes.map((c) => classMetrics(r, c)?.f1 ?? null),
  ]);
  return toCsv([header, ...rows]);
}
