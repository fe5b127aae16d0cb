import { TrainingConfig, type Ablation, type Metrics, type Run } from '../../../shared/api/training';
import { evaluateFolds, type Evaluation } from '../../../shared/domain/metrics';

/** Hand-made runs for the unit tests of this folder (never imported by the app). */

function metrics(e: Evaluation, classes: readonly string[]): Metrics {
  return {
    samples: e.samples,
    accuracy: e.accuracy,
    uf1: e.uf1,
    uar: e.uar,
    perClass: e.perClass.map((c, i) => ({ label: classes[i]!, support: c.support, recall: c.recall, precision: c.precision, f1: c.f1 })),
    confusion: e.matrix,
  };
}

export interface RunSpec {
  id?: number;
  name?: string;
  group?: string | null;
  ablation?: Ablation;
  classes?: string[];
  /** Each fold's true and predicted class indices. */
  folds?: { name: string; truth: number[]; predicted: number[] }[];
  /** Override the pooled figures (for tests of comparisons). */
  accuracy?: number | null;
  uf1?: number | null;
  uar?: number | null;
}

export function makeRun(spec: RunSpec = {}): Run {
  const classes = spec.classes ?? ['happiness', 'surprise'];
  const folds = spec.folds ?? [
    { name: 'fold 1', truth: [0, 0, 1, 1], predicted: [0, 1, 1, 1] },
    { name: 'fold 2', truth: [0, 1, 1], predicted: [0, 0, 1] },
  ];
  const evaluated = evaluateFolds(folds.map(({ truth, predicted }) => ({ truth, predicted })), classes.length);
  const pooled = metrics(evaluated.pooled, classes);
  if (spec.accuracy !== undefined) pooled.accuracy = spec.accuracy;
  if (spec.uf1 !== undefined) pooled.uf1 = spec.uf1;
  if (spec.uar !== undefined) pooled.uar = spec.uar;
  const config = TrainingConfig.parse({ projectId: 1, ...(spec.ablation ? { ablation: spec.ablation } : {}), protocol: { folds: Math.max(2, folds.length) } });
  return {
    id: spec.id ?? 7,
    projectId: 1,
    jobId: 3,
    name: spec.name ?? 'lite kfold',
    group: spec.group ?? null,
    status: 'succeeded',
    config,
    classes,
    backend: { name: 'cpu', detail: 'tfjs-backend-cpu', versions: { 'tfjs-core': '4.22.0' }, threads: 1 },
    message: 'Accuracy 71.4 %',
    createdAt: '2025-01-02T10:00:00.000Z',
    finishedAt: '2025-01-02T10:05:00.000Z',
    folds: folds.map((f, i) => ({
      fold: i,
      name: f.name,
      trainSamples: 10,
      validationSamples: 2,
      testSamples: f.truth.length,
      chosenEpoch: 3,
      chosenBecause: 'best validation accuracy (50.0 %) on 2 samples of held-out training subjects',
      metrics: metrics(evaluated.folds[i]!, classes),
    })),
    pooled,
  };
}
