import type { EpochRecord } from '../../../shared/api/training';
import type { LineSeries } from './charts/line-chart';

/**
 * One fold's epoch rows as chart series. Stages run one after another, so the x axis counts the
 * fold's epochs across stages (1, 2, …) and a marker shows where each stage begins. A stage that
 * records `ce_e` trains MENet (emotion), one with `ce_d` trains IDNet (identity): their training
 * accuracies measure different things and are kept apart.
 */
export interface FoldCurves {
  losses: LineSeries[];
  accuracy: LineSeries[];
  /** The MINE estimate of I(Fd; Fe) (the `mi` term) while MENet trains, and while IDNet does. */
  mutualInformation: LineSeries[];
  /** Where each stage begins, and the epoch whose MENet the fold kept. */
  markers: { x: number; label: string; emphasis?: boolean }[];
  epochs: number;
}

const lossNames: Record<string, string> = {
  ce_e: 'L_ce_e (emotion)',
  ce_d: 'L_ce_d (identity)',
  div: 'L_div',
  total: 'total',
};

const trainsMenet = (r: EpochRecord) => 'ce_e' in r.losses;

export function foldCurves(epochs: readonly EpochRecord[], fold: number, chosenEpoch: number | null): FoldCurves {
  const rows = epochs.filter((e) => e.fold === fold).sort((a, b) => a.stage - b.stage || a.epoch - b.epoch);
  const xs = rows.map((_, i) => i + 1);
  const known = Object.keys(lossNames);
  const rank = (term: string) => (known.includes(term) ? known.indexOf(term) : known.length);
  const terms = [...new Set(rows.flatMap((r) => Object.keys(r.losses)))].filter((t) => t !== 'mi').sort((a, b) => rank(a) - rank(b));
  const series = (name: string, y: (r: EpochRecord) => number | null | undefined): LineSeries => ({ name, points: rows.map((r, i) => ({ x: xs[i]!, y: y(r) ?? null })) });
  const markers: FoldCurves['markers'] = [];
  rows.forEach((r, i) => {
    if (i === 0 || rows[i - 1]!.stage !== r.stage) markers.push({ x: xs[i]!, label: `Stage ${r.stage} · ${trainsMenet(r) ? 'MENet' : 'IDNet'}` });
  });
  const lastStage = rows.at(-1)?.stage;
  const chosen = rows.findIndex((r) => r.stage === lastStage && r.epoch === chosenEpoch);
  if (chosen >= 0) markers.push({ x: xs[chosen]!, label: `kept (epoch ${chosenEpoch})`, emphasis: true });
  const mi = [
    series('MI while MENet trains', (r) => (trainsMenet(r) ? r.losses['mi'] : null)),
    series('MI while IDNet trains', (r) => (trainsMenet(r) ? null : r.losses['mi'])),
  ].filter((s) => s.points.some((p) => p.y !== null));
  return {
    losses: terms.map((t) => series(lossNames[t] ?? t, (r) => r.losses[t])),
    accuracy: [
      series('MENet train (emotion)', (r) => (trainsMenet(r) ? r.trainAccuracy : null)),
      series('MENet validation (emotion)', (r) => r.validationAccuracy),
      series('IDNet train (identity)', (r) => (trainsMenet(r) ? null : r.trainAccuracy)),
    ].filter((s) => s.points.some((p) => p.y !== null)),
    mutualInformation: mi,
    markers,
    epochs: rows.length,
  };
}
