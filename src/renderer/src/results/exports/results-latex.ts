import type { Metrics, Run } from '../../../../shared/api/training';
import { ablationLines } from '../comparison';
import { booktabs, latexEscape } from './latex';

const dash = '--';
const percent = (v: number | null) => (v === null ? dash : (v * 100).toFixed(1));
const score = (v: number | null) => (v === null ? dash : v.toFixed(4));
const signedPoints = (v: number | null) => (v === null ? dash : `${v >= 0.0005 ? '+' : v <= -0.0005 ? '$-$' : ''}${Math.abs(v * 100).toFixed(1)}`);
const summary = (m: Metrics) => [String(m.samples), percent(m.accuracy), score(m.uf1), score(m.uar)];

function protocolWords(run: Run): string {
  const { protocol, folds } = run.config.protocol;
  return { loso: 'leave-one-subject-out', megc: 'MEGC 2019 LOSO', kfold: `${folds}-fold subject-independent cross-validation`, saved: `a saved split of ${run.config.protocol.saved?.folds.length ?? 0} folds` }[protocol];
}

function preamble(what: string): string {
  return [`% ${what}, written by MER Workstation.`, '% Needs \\usepackage{booktabs} (and amssymb for \\checkmark).', ''].join('\n');
}

/** A run's metrics as two booktabs tables: per fold and pooled, then per class (pooled). */
export function runLatex(run: Run): string {
  const name = latexEscape(run.name);
  const folds = run.folds.map((f) => [latexEscape(f.name), ...summary(f.metrics)]);
  const pooled = run.pooled ? [['Pooled', ...summary(run.pooled)]] : [];
  const perClass = (run.pooled?.perClass ?? []).map((c) => [latexEscape(c.label), String(c.support), score(c.recall), score(c.precision), score(c.f1)]);
  const foldTable = booktabs({
    caption: `Run \\emph{${name}}: ${protocolWords(run)}. UF1 and UAR are pooled over folds as in MEGC 2019.`,
    label: `tab:run-${run.id}-folds`,
    columns: 'lrrrr',
    header: ['Fold', 'Samples', 'Acc. (\\%)', 'UF1', 'UAR'],
    bodies: [folds, pooled].filter((b) => b.length > 0),
  });
  const classTable = booktabs({
    caption: `Run \\emph{${name}}: per-class recall, precision and F1, pooled over folds.`,
    label: `tab:run-${run.id}-classes`,
    columns: 'lrrrr',
    header: ['Class', 'Support', 'Recall', 'Precision', 'F1'],
    bodies: perClass.length > 0 ? [perClass] : [],
  });
  return `${preamble(`Run ${run.id} (${run.name.replace(/[\r\n]/g, ' ')})`)}${foldTable}\n\n${classTable}\n`;
}

/**
 * Runs as the paper's Table 5: in ablation-row order, a tick for each switch, pooled accuracy,
 * UF1 and UAR, and the accuracy difference from the first row in percentage points.
 */
export function ablationLatex(runs: readonly Run[], title: string): string {
  const tick = (on: boolean) => (on ? '\\checkmark' : dash);
  const rows = ablationLines(runs).map((l) => [
    l.row === null ? dash : String(l.row),
    latexEscape(l.run.name),
    tick(l.run.config.ablation.dao),
    tick(l.run.config.ablation.divergence),
    tick(l.run.config.ablation.decoupling),
    percent(l.run.pooled?.accuracy ?? null),
    score(l.run.pooled?.uf1 ?? null),
    score(l.run.pooled?.uar ?? null),
    signedPoints(l.vsFirst.accuracy),
  ]);
  const table = booktabs({
    caption: `${latexEscape(title)}: pooled accuracy, UF1 and UAR (MEGC 2019); $\\Delta$ is the accuracy difference from the first row in points.`,
    label: 'tab:ablation',
    columns: 'clcccrrrr',
    header: ['Row', 'Run', 'DAO', '$\\mathcal{L}_{\\mathrm{div}}$', 'IDNet + MINE', 'Acc. (\\%)', 'UF1', 'UAR', '$\\Delta$ Acc.'],
    bodies: [rows],
  });
  return `${preamble(title.replace(/[\r\n]/g, ' '))}${table}\n`;
}

/** Runs side by side, one row each: pooled accuracy, UF1, UAR and each class's F1. */
export function comparisonLatex(runs: readonly Run[]): string {
  const classes = [...new Set(runs.flatMap((r) => r.classes))];
  const rows = runs.map((r) => [
    latexEscape(r.name),
    percent(r.pooled?.accuracy ?? null),
    score(r.pooled?.uf1 ?? null),
    score(r.pooled?.uar ?? null),
    ...classes.map((c) => score(r.pooled?.perClass.find((p) => p.label === c)?.f1 ?? null)),
  ]);
  const table = booktabs({
    caption: 'Pooled accuracy, UF1 and UAR (MEGC 2019) and per-class F1 of the compared runs.',
    label: 'tab:comparison',
    columns: `l${'r'.repeat(3 + classes.length)}`,
    header: ['Run', 'Acc. (\\%)', 'UF1', 'UAR', ...classes.map((c) => `F1 ${latexEscape(c)}`)],
    bodies: [rows],
  });
  return `${preamble(`Comparison of runs ${runs.map((r) => r.id).join(', ')}`)}${table}\n`;
}
