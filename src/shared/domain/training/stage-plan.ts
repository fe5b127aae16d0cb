import type { TrainingConfig } from '../../api/training';

export type Branch = 'menet' | 'idnet';

/** One stage of MODEL.md's Table 4, as the trainer runs it. */
export interface StagePlan {
  /** The Table 4 stage number (1-4). */
  stage: 1 | 2 | 3 | 4;
  trains: Branch;
  epochs: number;
  /** Loss weights of the trained branch; a term that is absent is not computed at all. */
  loss: { crossEntropy: true; divergence?: number; mutualInformation?: number };
  /** MINE is updated (to maximise its bound) before every step of the branch. */
  adversary: boolean;
  /** Networks that take part but do not change (run in eval mode). */
  frozen: Branch[];
  /** The MENet whose test-fold predictions are reported (the last MENet stage). */
  evaluated: boolean;
}

/**
 * The stages a configuration runs. With decoupling: the four stages of Table 4. Without (rows 1-3
 * of Table 5): MENet alone, in one stage as long as stages 2 and 4 together, so every row gives
 * MENet the same number of epochs. The ablation switches are data: no code path depends on a row.
 */
export function planStages(config: Pick<TrainingConfig, 'ablation' | 'training'>): StagePlan[] {
  const { ablation, training } = config;
  const [e1, e2, e3, e4] = training.epochs;
  const divergence = ablation.divergence ? { divergence: training.lambdaDiv } : {};
  if (!ablation.decoupling) {
    return [{ stage: 2, trains: 'menet', epochs: e2 + e4, loss: { crossEntropy: true, ...divergence }, adversary: false, frozen: [], evaluated: true }];
  }
  return [
    { stage: 1, trains: 'idnet', epochs: e1, loss: { crossEntropy: true }, adversary: false, frozen: [], evaluated: false },
    { stage: 2, trains: 'menet', epochs: e2, loss: { crossEntropy: true, ...divergence, mutualInformation: training.lambdaMiMe }, adversary: true, frozen: ['idnet'], evaluated: false },
    { stage: 3, trains: 'idnet', epochs: e3, loss: { crossEntropy: true, mutualInformation: training.lambdaMiId }, adversary: true, frozen: ['menet'], evaluated: false },
    { stage: 4, trains: 'menet', epochs: e4, loss: { crossEntropy: true, ...divergence, mutualInformation: training.lambdaMiMe }, adversary: true, frozen: ['idnet'], evaluated: true },
  ];
}

/** The networks a configuration builds: rows without decoupling never build IDNet or MINE. */
export function networksOf(config: Pick<TrainingConfig, 'ablation'>): { idnet: boolean; mine: boolean } {
  return { idnet: config.ablation.decoupling, mine: config.ablation.decoupling };
}

/** Total epochs over all stages (for progress). */
export function totalEpochs(plan: readonly StagePlan[]): number {
  return plan.reduce((sum, s) => sum + s.epochs, 0);
}
