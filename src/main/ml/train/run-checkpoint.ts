import { existsSync, rmSync } from 'node:fs';
import type * as tf from '@tensorflow/tfjs-core';
import type { IdentityProbe } from '../../../shared/api/training-diagnostics';
import type { Adam } from './adam';
import { readCheckpoint, writeCheckpoint } from './checkpoint-file';

/** Where a run stands after a finished epoch: enough to continue exactly from there. */
export interface RunPosition {
  fold: number;
  /** Index into the stage plan. */
  stageIndex: number;
  /** Epochs of that stage completed. */
  epochsDone: number;
  /** Best validation accuracy of the evaluated stage so far, and its epoch (1-based). */
  best: { epoch: number; accuracy: number } | null;
  optimiserSteps: { branch: number; mine: number | null };
  /** The identity probe of MENet's first stage, once taken (absent in checkpoints written before it existed). */
  identityBefore?: IdentityProbe | null;
}

export interface RunCheckpoint {
  position: RunPosition;
  /** Network variables by their stable names, then `best/<name>` and `opt/...` entries. */
  tensors: Record<string, tf.Tensor>;
}

const prefixed = (prefix: string, tensors: Readonly<Record<string, tf.Tensor>>) =>
  Object.fromEntries(Object.entries(tensors).map(([name, t]) => [`${prefix}${name}`, t]));

/** Picks the entries under a prefix, without it. */
export function section(tensors: Readonly<Record<string, tf.Tensor>>, prefix: string): Record<string, tf.Tensor> {
  return Object.fromEntries(Object.entries(tensors).filter(([n]) => n.startsWith(prefix)).map(([n, t]) => [n.slice(prefix.length), t]));
}

export async function saveRunCheckpoint(
  file: string,
  position: RunPosition,
  variables: Readonly<Record<string, tf.Variable>>,
  best: Readonly<Record<string, tf.Tensor>>,
  optimisers: { branch: Adam; mine: Adam | null },
): Promise<void> {
  const branch = optimisers.branch.state();
  const mine = optimisers.mine?.state() ?? null;
  const tensors = {
    ...prefixed('net/', variables),
    ...prefixed('best/', best),
    ...prefixed('opt/branch/', branch.tensors),
    ...(mine ? prefixed('opt/mine/', mine.tensors) : {}),
  };
  await writeCheckpoint(file, { ...position, optimiserSteps: { branch: branch.step, mine: mine?.step ?? null } }, tensors);
}

export function loadRunCheckpoint(file: string): RunCheckpoint | null {
  if (!existsSync(file)) return null;
  const { state, tensors } = readCheckpoint<RunPosition>(file);
  return { position: state, tensors };
}

export function removeRunCheckpoint(file: string): void {
  rmSync(file, { force: true });
}
