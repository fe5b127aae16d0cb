import { ApiError } from '../../../src/shared/api/errors';
import type { TrainingConfig } from '../../../src/shared/api/training';
import type { ApiClient } from '../../../src/shared/client/api-client';
import type { Rng } from '../../../src/shared/domain/random';
import type { Kind, Tally } from '../tally';

/** The suite's data directory and what setup made in it (one data directory for every trial). */
export interface Fixture {
  dataDir: string;
  clipsDir: string;
  exportsDir: string;
  trainingProjectId: number;
  trainingConfig: TrainingConfig;
  importProjectId: number;
  labelsProjectId: number;
  labelsRecordingId: number;
  labelSet: string[];
  annotatorId: number;
  /** How long the last job of each kind that finished worked, from its first progress (ms). */
  usualWorkMs: Partial<Record<Kind, number>>;
}

export interface TrialContext {
  trial: number;
  kind: Kind;
  rng: Rng;
  client: ApiClient;
  fixture: Fixture;
  tally: Tally;
  /** e.g. "trial 7 (import)", to begin every message. */
  where: string;
  /** SIGKILLs the server and its workers. */
  kill(): Promise<void>;
}

/** Runs after the restart with a client of the new server; records what it finds in the tally. */
export type Verify = (client: ApiClient) => Promise<void>;

/** One kind of operation: starts it, kills the server at a seeded moment, and says what must hold afterwards. */
export type Scenario = (ctx: TrialContext) => Promise<Verify>;

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Whether a failed call failed because the server went away (the request was reset, or aborted
 * when the kill closed the client), not because the server answered with a refusal.
 */
export function isConnectionLoss(error: unknown): boolean {
  return !(error instanceof ApiError) || /without a valid reply/.test(error.message);
}
