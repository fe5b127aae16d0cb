import type { StagePlan } from '../../../shared/domain/training';
import type { EpochTally } from './epoch-digest';

export interface PlannedFold {
  index: number;
  name: string;
}

/** One progress bar: epochs done of the total, seconds those epochs took, and the estimate of what is left. */
export interface Level {
  done: number;
  total: number;
  seconds: number;
  /** From measured epoch times; null until an epoch has been measured. Epochs only: data preparation and evaluation are not in it. */
  remainingSeconds: number | null;
}

export interface FoldLevel extends Level {
  /** 0-based position among the folds the run trains. */
  position: number;
  index: number;
  name: string;
}

export interface StageLevel extends Level {
  plan: StagePlan;
  /** 0-based position in the fold's stage plan. */
  position: number;
  /** The epoch under way (1-based). */
  epoch: number;
}

export interface RunPosition {
  run: Level;
  /** The first fold not finished; null when every fold is. */
  fold: FoldLevel | null;
  /** The stage under way in that fold; null when its epochs are all done (it is being evaluated). */
  stage: StageLevel | null;
}

/**
 * Mean measured seconds of an epoch of each stage; for a stage not measured yet, of the stages
 * that train the same network (stage 3 is costed like stage 1), else of every measured epoch.
 */
function secondsPerEpoch(plan: readonly StagePlan[], tallies: readonly EpochTally[]): (stage: number) => number | null {
  const mean = (ts: readonly EpochTally[]) => {
    const epochs = ts.reduce((n, t) => n + t.epochs, 0);
    return epochs === 0 ? null : ts.reduce((s, t) => s + t.seconds, 0) / epochs;
  };
  const trains = (stage: number) => plan.find((s) => s.stage === stage)?.trains;
  const overall = mean(tallies);
  return (stage) => mean(tallies.filter((t) => t.stage === stage)) ?? mean(tallies.filter((t) => trains(t.stage) === trains(stage))) ?? overall;
}

/** Seconds for `epochs` more epochs of each stage; null when any is needed and none was measured. */
function estimate(parts: readonly { stage: number; epochs: number }[], perEpoch: (stage: number) => number | null): number | null {
  let total = 0;
  for (const { stage, epochs } of parts) {
    if (epochs <= 0) continue;
    const seconds = perEpoch(stage);
    if (seconds === null) return null;
    total += seconds * epochs;
  }
  return total;
}

/**
 * Where a run is — which fold, stage and epoch — and how long the rest should take, from what is
 * stored: the stage plan of its configuration, the folds it trains, the folds it has finished and
 * the epochs it has recorded. Nothing is read from progress messages.
 */
export function runPosition(input: { plan: readonly StagePlan[]; folds: readonly PlannedFold[]; finished: readonly number[]; tallies: readonly EpochTally[] }): RunPosition {
  const { plan, folds, finished, tallies } = input;
  const perEpoch = secondsPerEpoch(plan, tallies);
  const foldEpochs = plan.reduce((n, s) => n + s.epochs, 0);
  const position = folds.findIndex((f) => !finished.includes(f.index));
  const current = position === -1 ? null : folds[position]!;
  const doneIn = (stage: StagePlan) => Math.min(stage.epochs, tallies.find((t) => t.fold === current?.index && t.stage === stage.stage)?.epochs ?? 0);
  const secondsIn = (stage: StagePlan) => tallies.find((t) => t.fold === current?.index && t.stage === stage.stage)?.seconds ?? 0;
  const allSeconds = tallies.reduce((s, t) => s + t.seconds, 0);
  const finishedCount = folds.filter((f) => finished.includes(f.index)).length;

  if (current === null) {
    return { run: { done: folds.length * foldEpochs, total: folds.length * foldEpochs, seconds: allSeconds, remainingSeconds: 0 }, fold: null, stage: null };
  }
  const foldRemaining = estimate(plan.map((s) => ({ stage: s.stage, epochs: s.epochs - doneIn(s) })), perEpoch);
  const laterFolds = folds.length - position - 1;
  const laterRemaining = estimate(plan.map((s) => ({ stage: s.stage, epochs: s.epochs * laterFolds })), perEpoch);
  const foldDone = plan.reduce((n, s) => n + doneIn(s), 0);
  const fold: FoldLevel = {
    position,
    index: current.index,
    name: current.name,
    done: foldDone,
    total: foldEpochs,
    seconds: plan.reduce((n, s) => n + secondsIn(s), 0),
    remainingSeconds: foldRemaining,
  };
  const run: Level = {
    done: finishedCount * foldEpochs + foldDone,
    total: folds.length * foldEpochs,
    seconds: allSeconds,
    remainingSeconds: foldRemaining === null || laterRemaining === null ? null : foldRemaining + laterRemaining,
  };
  const stagePosition = plan.findIndex((s) => doneIn(s) < s.epochs);
  if (stagePosition === -1) return { run, fold, stage: null };
  const s = plan[stagePosition]!;
  const stage: StageLevel = {
    plan: s,
    position: stagePosition,
    epoch: doneIn(s) + 1,
    done: doneIn(s),
    total: s.epochs,
    seconds: secondsIn(s),
    remainingSeconds: estimate([{ stage: s.stage, epochs: s.epochs - doneIn(s) }], perEpoch),
  };
  return { run, fold, stage };
}

/** `42 s`, `3 min 05 s`, `2 h 10 min`. */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s} s`;
  const minutes = Math.floor(s / 60);
  if (minutes < 60) return `${minutes} min ${String(s % 60).padStart(2, '0')} s`;
  return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, '0')} min`;
}
