import type { EpochRecord, Run, RunPrediction } from '../../../../shared/api/training';

/** A run's whole record as one JSON file: configuration, backend, folds, pooled metrics, predictions and curves. */
export function resultsJson(run: Run, predictions: readonly RunPrediction[], epochs: readonly EpochRecord[], exportedAt: string): string {
  const document = {
    format: 'mer-workstation/training-results',
    version: 1,
    exportedAt,
    run,
    // Class names beside the indices, so the file reads without the run's class list.
    predictions: predictions.map((p) => ({ ...p, trueLabel: run.classes[p.trueClass] ?? null, predictedLabel: run.classes[p.predictedClass] ?? null })),
    epochs,
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}
