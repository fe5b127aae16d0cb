import { mkdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { ApiError } from '../../../shared/api/errors';
import { jobKinds } from '../../../shared/api/jobs';
import type { ModelExportResult } from '../../../shared/api/models';
import { saveMenetArtifact } from '../../ml/export/menet-artifact';
import { disposeModel, menetOfRunFold } from '../../ml/export/model-source';
import { selectBackend } from '../../ml/tf/backend';
import { createTrainingRunsRepository } from '../db/repositories/training-runs';
import { notFound } from '../errors';
import { partialFolder } from '../exports/write-export';
import { JobCancelled, type JobRunner } from '../jobs/worker/context';

/** Folder of one fold's model inside an export: fold-1, fold-2, … (1-based, as the app names folds). */
export const foldFolderName = (fold: number) => `fold-${fold + 1}`;

/**
 * The `models.export` job: each chosen fold's MENet as a TF.js model folder. Everything is written
 * next to the target and renamed into place at the end, so a failure or a cancel leaves nothing.
 */
export const modelExportJob: JobRunner = async (raw, ctx) => {
  const p = jobKinds['models.export'].params.parse(raw);
  const run = createTrainingRunsRepository(ctx.db).get(p.runId);
  if (!run) throw notFound('Training run', p.runId);
  const finished = run.folds.map((f) => f.fold);
  if (finished.length === 0) throw new ApiError('VALIDATION', `Run ${run.id} has finished no fold yet: there is no model to save`);
  const folds = p.folds ?? finished;
  const unknown = folds.find((f) => !finished.includes(f));
  if (unknown !== undefined) throw new ApiError('VALIDATION', `Run ${run.id} has not finished fold ${unknown + 1} (finished: ${finished.map((f) => f + 1).join(', ')})`, [{ path: 'folds', message: 'not a finished fold' }]);
  // Writing weights only reads tensors back: the plain JavaScript backend is enough.
  await selectBackend('cpu');
  const target = path.resolve(p.out);
  const partial = partialFolder(target);
  const models: ModelExportResult['models'] = [];
  try {
    for (const [i, fold] of folds.entries()) {
      await ctx.progress(i / folds.length, `Saving the model of fold ${fold + 1}`);
      const model = menetOfRunFold(ctx.db, ctx.dataDir, run.id, fold);
      try {
        const dir = path.join(partial, foldFolderName(fold));
        mkdirSync(dir);
        const saved = await saveMenetArtifact(dir, model);
        models.push({ fold, dir: path.join(target, foldFolderName(fold)), ...saved });
      } finally {
        disposeModel(model);
      }
    }
    if (ctx.signal.aborted) throw new JobCancelled();
    rmSync(target, { recursive: true, force: true });
    renameSync(partial, target);
  } catch (error) {
    rmSync(partial, { recursive: true, force: true });
    throw error;
  }
  const result: ModelExportResult = { dir: target, models };
  const mb = (models.reduce((n, m) => n + m.bytes, 0) / 1e6).toFixed(1);
  return { result, message: `Saved ${models.length} fold model${models.length === 1 ? '' : 's'} of run ${run.id} (TensorFlow.js, ${mb} MB) to ${target}` };
};
