import { jobKinds } from '../../../shared/api/jobs';
import type { ModelPredictResult } from '../../../shared/api/models';
import { disposeModel, loadModel } from '../../ml/export/model-source';
import { predictWithMenet } from '../../ml/export/predict-menet';
import type { JobRunner } from '../jobs/worker/context';
import { eventsToPredict } from './event-samples';

/** The `models.predict` job: a run's fold model or an exported TF.js model on chosen events. */
export const modelPredictJob: JobRunner = async (raw, ctx) => {
  const p = jobKinds['models.predict'].params.parse(raw);
  await ctx.progress(0, 'Loading the model');
  const loaded = await loadModel(ctx.db, ctx.dataDir, p.model);
  try {
    const { classes, mapping } = loaded.model.topology;
    const { samples, humanLabels } = eventsToPredict(ctx.db, { classes, mapping }, p.eventIds);
    await ctx.progress(0.1, `Predicting ${samples.length} event${samples.length === 1 ? '' : 's'} on ${loaded.backend}`);
    const predictions = await predictWithMenet(
      { ...ctx, onProgress: (done, total) => ctx.progress(0.1 + (0.9 * done) / total, `Predicted ${done} of ${total}`) },
      loaded.model,
      samples,
    );
    const result: ModelPredictResult = {
      model: loaded.description,
      classes,
      predictions: predictions.map((x) => ({ eventId: x.sampleId, humanLabel: humanLabels.get(x.sampleId) ?? null, predicted: classes[x.predictedClass]!, probabilities: x.probabilities })),
    };
    const first = result.predictions[0]!;
    const message = result.predictions.length === 1 ? `Event ${first.eventId}: ${first.predicted} (${(Math.max(...first.probabilities) * 100).toFixed(0)} %)` : `Predicted ${result.predictions.length} events`;
    return { result, message };
  } finally {
    disposeModel(loaded.model);
  }
};
