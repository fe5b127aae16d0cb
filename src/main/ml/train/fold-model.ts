import { existsSync } from 'node:fs';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import type { Normalisation } from '../data/prepare';
import { readCheckpoint, writeCheckpoint } from './checkpoint-file';
import type { Networks } from './types';

/** What predicting with a fold's MENet needs besides its weights. */
export interface FoldModelState {
  fold: number;
  normalisation: Normalisation;
  /** Identity classes the fold's IDNet had (the MENet does not depend on it, but the builder does). */
  identityClasses: number;
}

export function foldModelFile(runDir: string, fold: number): string {
  return path.join(runDir, `fold-${fold + 1}-menet.bin`);
}

/** Keeps the evaluated MENet of a fold (the epoch chosen on validation), for `mer predict`. */
export async function saveFoldModel(runDir: string, state: FoldModelState, nets: Networks): Promise<void> {
  const menet = Object.fromEntries(Object.entries(nets.variables()).filter(([name]) => name.startsWith('menet/')));
  await writeCheckpoint(foldModelFile(runDir, state.fold), state, menet);
}

export function loadFoldModel(runDir: string, fold: number): { state: FoldModelState; weights: Record<string, tf.Tensor> } | null {
  const file = foldModelFile(runDir, fold);
  if (!existsSync(file)) return null;
  const { state, tensors } = readCheckpoint<FoldModelState>(file);
  return { state, weights: tensors };
}
