import { useState } from 'react';
import type { LabelEvent } from '../../../shared/api/events';
import { asApiError } from '../api/errors';
import { useApi } from '../app/api-context';
import { changeHeadline } from './history-diff';

export interface UndoRedo {
  pending: boolean;
  /** What the last undo or redo did (or why it could not), for a short notice. */
  notice: { text: string; severity: 'success' | 'info' | 'error' } | null;
  dismiss: () => void;
  run: (kind: 'undo' | 'redo') => void;
  /** Shows a notice about another change (e.g. "deleted; Ctrl+Z brings it back"). */
  say: (text: string) => void;
}

/**
 * Undo and redo walk the coder's own changes in the project (`events.undo` / `events.redo`);
 * `onEvent` receives the event as it is afterwards (null when the change removed it).
 */
export function useUndoRedo(annotatorId: number | null, projectId: number, onEvent: (event: LabelEvent | null, eventId: number) => void): UndoRedo {
  const client = useApi();
  const [pending, setPending] = useState(false);
  const [notice, setNotice] = useState<UndoRedo['notice']>(null);

  const run = (kind: 'undo' | 'redo') => {
    if (annotatorId === null) {
      setNotice({ text: `Choose who is coding to ${kind} their changes`, severity: 'info' });
      return;
    }
    if (pending) return;
    setPending(true);
    client.call(kind === 'undo' ? 'events.undo' : 'events.redo', { annotatorId, projectId }).then(
      (result) => {
        setPending(false);
        setNotice({ text: changeHeadline(kind, result.change), severity: result.change ? 'success' : 'info' });
        if (result.change) onEvent(result.event, result.change.eventId);
      },
      (thrown: unknown) => {
        setPending(false);
        setNotice({ text: asApiError(thrown).message, severity: 'error' });
      },
    );
  };

  return { pending, notice, dismiss: () => setNotice(null), run, say: (text) => setNotice({ text, severity: 'info' }) };
}
