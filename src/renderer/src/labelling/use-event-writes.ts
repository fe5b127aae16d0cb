import { useState } from 'react';
import type { Input } from '../../../shared/api/contract';
import type { ApiError } from '../../../shared/api/errors';
import { LabelEvent } from '../../../shared/api/events';
import { asApiError } from '../api/errors';
import { useApi } from '../app/api-context';
import type { EventValues } from './event-values';

/** What was refused, so that it can be re-applied on top of the current event. */
export type Refused = { kind: 'update'; mine: EventValues; base: EventValues } | { kind: 'delete' };

/** A stale edit: the server's message, the event as it is now (null: deleted), and the edit that was refused. */
export interface Conflict {
  eventId: number;
  message: string;
  current: LabelEvent | null;
  refused: Refused;
}

type Changes = Omit<Input<'events.update'>, 'id' | 'annotatorId' | 'version'>;

export interface EventWrites {
  pending: boolean;
  /** The last refusal that is not a conflict (validation: `issues` name the fields), with its event (null: the draft). */
  error: { eventId: number | null; error: ApiError } | null;
  conflict: Conflict | null;
  clear: () => void;
  create: (args: Input<'events.create'>) => Promise<LabelEvent | null>;
  /** Sends `changes` against `version`; `mine`/`base` let a refused edit be re-applied. */
  update: (event: { id: number; version: number }, annotatorId: number, changes: Changes, edit: { mine: EventValues; base: EventValues }) => Promise<LabelEvent | null>;
  remove: (event: { id: number; version: number }, annotatorId: number) => Promise<boolean>;
}

function currentOf(error: ApiError): LabelEvent | null {
  const details = error.details as { current?: unknown } | undefined;
  const parsed = LabelEvent.safeParse(details?.current);
  return parsed.success ? parsed.data : null;
}

/** Creates, updates and deletes events, keeping the refusal to show: field messages or a conflict. */
export function useEventWrites(onChanged: (event: LabelEvent) => void): EventWrites {
  const client = useApi();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<EventWrites['error']>(null);
  const [conflict, setConflict] = useState<Conflict | null>(null);

  async function run<T>(eventId: number | null, call: () => Promise<T>, refused?: Refused): Promise<T | null> {
    setPending(true);
    setError(null);
    setConflict(null);
    try {
      return await call();
    } catch (thrown) {
      const apiError = asApiError(thrown);
      if (apiError.code === 'CONFLICT' && eventId !== null && refused) {
        const current = currentOf(apiError);
        setConflict({ eventId, message: apiError.message, current, refused });
        if (current) onChanged(current);
      } else setError({ eventId, error: apiError });
      return null;
    } finally {
      setPending(false);
    }
  }

  return {
    pending,
    error,
    conflict,
    clear: () => {
      setError(null);
      setConflict(null);
    },
    create: async (args) => {
      const created = await run(null, () => client.call('events.create', args));
      if (created) onChanged(created);
      return created;
    },
    update: async (event, annotatorId, changes, edit) => {
      const updated = await run(event.id, () => client.call('events.update', { id: event.id, annotatorId, version: event.version, ...changes }), { kind: 'update', ...edit });
      if (updated) onChanged(updated);
      return updated;
    },
    remove: async (event, annotatorId) => {
      const done = await run(event.id, () => client.call('events.delete', { id: event.id, annotatorId, version: event.version }), { kind: 'delete' });
      return done !== null;
    },
  };
}
