import { useState } from 'react';
import type { LabelEvent } from '../../../shared/api/events';
import { useApiQuery } from '../api/use-api-query';
import { useCallMutation } from '../api/use-call-mutation';
import { useAnnotatorSession } from '../annotators/annotator-context';

export const adjudicatedFields = ['onset', 'apex', 'offset', 'emotion', 'aus'] as const;
export type AdjudicatedField = (typeof adjudicatedFields)[number];
export type Pick = Record<AdjudicatedField, 'a' | 'b'>;

/** The value of one field of an event, as text. */
export function fieldText(event: LabelEvent, field: AdjudicatedField): string {
  const value = event[field];
  if (field === 'apex' && value === null) return 'missing';
  return value === '' ? '—' : String(value);
}

/** The consensus the picks would make, field by field. */
export function consensusOf(a: LabelEvent, b: LabelEvent, pick: Pick): Record<AdjudicatedField, string> {
  return Object.fromEntries(adjudicatedFields.map((f) => [f, fieldText(pick[f] === 'a' ? a : b, f)])) as Record<AdjudicatedField, string>;
}

/** Loads a matched pair, keeps the per-field picks and saves the consensus as the current coder. */
export function useAdjudication(aId: number, bId: number) {
  const session = useAnnotatorSession();
  const a = useApiQuery('events.get', { id: aId });
  const b = useApiQuery('events.get', { id: bId });
  const [pick, setPick] = useState<Pick>({ onset: 'a', apex: 'a', offset: 'a', emotion: 'a', aus: 'a' });
  const save = useCallMutation('events.adjudicate');
  const [result, setResult] = useState<LabelEvent | null>(null);

  const submitAs = async (annotatorId: number) => {
    const outcome = await save.run({ aId, bId, annotatorId, pick });
    if (outcome.ok) setResult(outcome.value);
  };

  return {
    a: a.data,
    b: b.data,
    loadError: a.error ?? b.error,
    pick,
    choose: (field: AdjudicatedField, side: 'a' | 'b') => setPick((p) => ({ ...p, [field]: side })),
    chooseAll: (side: 'a' | 'b') => setPick({ onset: side, apex: side, offset: side, emotion: side, aus: side }),
    adjudicator: session.annotator,
    submit: () => {
      if (session.annotator) void submitAs(session.annotator.id);
      else session.openChooser((who) => void submitAs(who.id));
    },
    pending: save.pending,
    error: save.error,
    result,
  };
}
