import type * as tf from '@tensorflow/tfjs-core';
import type { Branch } from '../nn/backbone';
import type { Mine } from '../nn/mine';
import type { StateUpdate } from '../nn/params';

export type { Batch } from '../data/batches';

export type NetworkName = 'menet' | 'idnet' | 'mine';

/** The networks of one fold as the trainer sees them: branches, MINE, and their variables by stable name. */
export interface Networks {
  menet: Branch;
  /** Null in ablation rows without decoupling: IDNet and MINE are never built. */
  idnet: Branch | null;
  mine: Mine | null;
  /** Trainable weights of one network by stable name, in a fixed order. */
  trainable(network: NetworkName): Record<string, tf.Variable>;
  /** Every variable (weights and running statistics) by stable name, for checkpoints. */
  variables(): Record<string, tf.Variable>;
  /** Applies (and disposes) batch-norm running statistics from a train-mode pass. */
  applyStateUpdates(updates: readonly StateUpdate[]): void;
  dispose(): void;
}
