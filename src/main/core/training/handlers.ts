import type { Db } from '../db/connection';
import { createTrainingRunsRepository } from '../db/repositories/training-runs';
import type { Handlers } from '../dispatch';
import { notFound } from '../errors';
import { pooledSoFar } from '../../ml/train/run-training';
import { previewTrainingData } from './data-preview';
import { foldAttention, runDiagnostics } from './diagnostics';
import { readSavedSplit } from './saved-split';

/** Reading training runs; runs are started and resumed as `training.run` jobs. */
export function trainingHandlers(db: Db) {
  const runs = createTrainingRunsRepository(db);
  const withPooled = <R extends { id: number; classes: string[] }>(run: R) => ({ ...run, pooled: pooledSoFar(db, run.id, run.classes) });
  return {
    'training.runs.list': ({ projectId }) => runs.list(projectId).map(withPooled),
    'training.runs.get': ({ id }) => {
      const run = runs.get(id);
      if (!run) throw notFound('Training run', id);
      return withPooled(run);
    },
    'training.runs.epochs': ({ id }) => {
      if (!runs.get(id)) throw notFound('Training run', id);
      return runs.epochs(id);
    },
    'training.previewData': (query) => previewTrainingData(db, query),
    'training.readSavedSplit': (query) => readSavedSplit(db, query),
    'training.runs.predictions': ({ id }) => {
      if (!runs.get(id)) throw notFound('Training run', id);
      return runs.predictions(id);
    },
    'training.runs.diagnostics': ({ id }) => {
      const run = runs.get(id);
      if (!run) throw notFound('Training run', id);
      return runDiagnostics(db, run);
    },
    'training.runs.attention': ({ id, fold }) => {
      const run = runs.get(id);
      if (!run) throw notFound('Training run', id);
      return foldAttention(db, run, fold);
    },
  } satisfies Partial<Handlers>;
}
