import * as tf from '@tensorflow/tfjs-core';
import type { ModelSource } from '../../../shared/api/models';
import type { Db } from '../../core/db/connection';
import { createProjectsRepository } from '../../core/db/repositories/projects';
import { createTrainingRunsRepository } from '../../core/db/repositories/training-runs';
import { selectBackend } from '../tf/backend';
import { threadsFor } from '../tf/wasm';
import { loadFoldModel } from '../train/fold-model';
import { modelConfigOf } from '../train/model-config';
import { runDirectory } from '../../core/training/run-folders';
import { artifactFormat, loadMenetArtifact, type MenetModel } from './menet-artifact';

export class ModelSourceError extends Error {
  override readonly name = 'ModelSourceError';
}

/** A fold's kept MENet with the topology a TF.js artifact carries. */
export function menetOfRunFold(db: Db, dataDir: string, runId: number, fold: number): MenetModel {
  const run = createTrainingRunsRepository(db).get(runId);
  if (!run) throw new ModelSourceError(`There is no training run ${runId}`);
  const result = run.folds.find((f) => f.fold === fold);
  if (!result) throw new ModelSourceError(`Run ${runId} has not finished fold ${fold + 1}${run.folds.length ? ` (finished: ${run.folds.map((f) => f.fold + 1).join(', ')})` : ''}`);
  const saved = loadFoldModel(runDirectory(dataDir, runId), fold);
  if (!saved) throw new ModelSourceError(`The model of run ${runId}, fold ${fold + 1} is missing from the data folder`);
  const { config } = run;
  const network = modelConfigOf(config, { emotionClasses: run.classes.length, identityClasses: saved.state.identityClasses });
  const project = createProjectsRepository(db).get(config.projectId);
  return {
    topology: {
      format: artifactFormat,
      version: 1,
      architecture: 'MENet',
      description: 'MENet of MODEL.md (3D ResNet-18 with DAO attention): the micro-expression branch, kept at the epoch chosen on validation subjects',
      preset: config.model.preset,
      network: { ...network, widths: [...network.widths] },
      classes: run.classes,
      mapping: config.data.mapping,
      input: {
        layout: 'NTHWC',
        frames: network.frames,
        size: network.meInput,
        identitySize: network.idInput,
        sampling: config.preprocessing.sampling,
        interpolate: config.preprocessing.interpolate,
        faceCrop: config.preprocessing.faceCrop,
      },
      normalisation: saved.state.normalisation,
      source: { project: project?.name ?? `project ${config.projectId}`, runId, runName: run.name, fold, foldName: result.name, chosenEpoch: result.chosenEpoch },
    },
    weights: saved.weights,
  };
}

export interface LoadedModel {
  model: MenetModel;
  /** The backend it predicts on: the run's own (so its numbers repeat), or the best available for a folder. */
  backend: string;
  description: string;
}

/** Selects the backend first (tensors live on the backend they were made on), then reads the weights. */
export async function loadModel(db: Db, dataDir: string, source: ModelSource): Promise<LoadedModel> {
  if ('folder' in source) {
    const backend = await selectBackend('auto', { wasmThreads: threadsFor(null) });
    const model = await loadMenetArtifact(source.folder);
    const s = model.topology.source;
    return { model, backend: backend.name, description: `${source.folder} (${model.topology.preset} MENet of run ${s.runId} "${s.runName}", ${s.foldName})` };
  }
  const run = createTrainingRunsRepository(db).get(source.runId);
  if (!run) throw new ModelSourceError(`There is no training run ${source.runId}`);
  const backend = await selectBackend(run.config.backend, { wasmThreads: threadsFor(run.config.wasmThreads) });
  const model = menetOfRunFold(db, dataDir, source.runId, source.fold);
  return { model, backend: backend.name, description: `Run ${run.id} "${run.name}", ${model.topology.source.foldName} (${model.topology.preset} MENet)` };
}

export function disposeModel(model: MenetModel): void {
  tf.dispose(Object.values(model.weights));
}
