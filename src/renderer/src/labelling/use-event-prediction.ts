import { useState } from 'react';
import type { ModelSource } from '../../../shared/api/models';
import { useApiQuery } from '../api/use-api-query';
import { useStartedJob } from '../jobs/use-started-job';

/** The model the Label page predicts with: a run and one of its folds, or a TF.js model folder. */
export type ModelChoice = { kind: 'run'; runId: number | null; fold: number | null } | { kind: 'folder'; folder: string };

const storageKey = 'mer.predict.model';

function readChoice(): ModelChoice {
  try {
    const stored = JSON.parse(window.localStorage.getItem(storageKey) ?? 'null') as ModelChoice | null;
    if (stored && (stored.kind === 'run' || stored.kind === 'folder')) return stored;
  } catch {
    // Storage disabled or damaged: start with no model chosen.
  }
  return { kind: 'run', runId: null, fold: null };
}

export function sourceOf(choice: ModelChoice): ModelSource | null {
  if (choice.kind === 'folder') return choice.folder.trim() ? { folder: choice.folder.trim() } : null;
  return choice.runId !== null && choice.fold !== null ? { runId: choice.runId, fold: choice.fold } : null;
}

/**
 * Predicting the selected event: the project's runs to choose from (and the chosen run's finished
 * folds), the choice remembered across events and reloads, and the `models.predict` job.
 */
export function useEventPrediction(projectId: number, eventId: number) {
  const [choice, setChoiceState] = useState<ModelChoice>(readChoice);
  const runs = useApiQuery('training.runs.list', { projectId });
  const runId = choice.kind === 'run' ? choice.runId : null;
  const run = useApiQuery('training.runs.get', runId === null ? null : { id: runId });
  const job = useStartedJob('models.predict');
  const setChoice = (next: ModelChoice) => {
    setChoiceState(next);
    job.clear();
    try {
      window.localStorage.setItem(storageKey, JSON.stringify(next));
    } catch {
      // The choice is then forgotten after a reload.
    }
  };
  // A run remembered from another project is not offered here.
  const runKnown = choice.kind === 'folder' || (runs.data ?? []).some((r) => r.id === choice.runId);
  const source = runKnown ? sourceOf(choice) : null;
  // A result belongs to the event it was asked for; another selected event shows none.
  const askedFor = (job.job?.params as { eventIds?: number[] } | undefined)?.eventIds?.[0];
  const current = askedFor === eventId;
  return {
    choice: runKnown ? choice : ({ kind: 'run', runId: null, fold: null } satisfies ModelChoice),
    setChoice,
    runs: runs.data ?? [],
    folds: run.data?.folds ?? [],
    source,
    predict: () => (source ? job.start({ model: source, eventIds: [eventId] }) : Promise.resolve()),
    running: current && job.running,
    starting: job.starting,
    progress: current ? (job.job?.progress ?? 0) : 0,
    error: current && job.job?.status === 'failed' ? job.job.error : job.startError,
    result: current ? (job.result?.predictions[0] ?? null) : null,
    classes: job.result?.classes ?? [],
    model: job.result?.model ?? null,
  };
}

export type EventPrediction = ReturnType<typeof useEventPrediction>;
