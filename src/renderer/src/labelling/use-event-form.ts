import { useMemo, useState } from 'react';
import type { LabelEvent } from '../../../shared/api/events';
import { changedFields, valuesOf, type EventValues } from './event-values';

interface Edit {
  id: number;
  /** The version the edit started from: an update names it, and a stale one is refused. */
  version: number;
  base: EventValues;
  values: EventValues;
}

export interface EventForm {
  /** The values shown for the selected event (its own until edited). */
  values: EventValues | null;
  base: EventValues | null;
  version: number | null;
  dirty: boolean;
  /** Someone saved the event after this edit started: saving will be refused as stale. */
  outdated: boolean;
  change: (patch: Partial<EventValues>) => void;
  /** Starts over from the event as it is now (or from `from`, e.g. after a conflict). */
  reset: (from?: LabelEvent, values?: EventValues) => void;
}

const isDirty = (e: Edit) => Object.keys(changedFields(e.values, e.base)).length > 0;

/**
 * The editor's form for the selected event. An unedited form follows the event as it changes
 * (someone else's save, an undo); an edited one keeps the version it started from, so a save
 * after someone else's is refused instead of overwriting it.
 */
export function useEventForm(selected: LabelEvent | null): EventForm {
  const [edit, setEdit] = useState<Edit | null>(null);
  const kept = edit !== null && selected !== null && edit.id === selected.id && (isDirty(edit) || edit.version === selected.version) ? edit : null;
  // The same object for the same event, so that memoised fields see "no change" between frames.
  const fresh = useMemo<Edit | null>(() => (selected ? { id: selected.id, version: selected.version, base: valuesOf(selected), values: valuesOf(selected) } : null), [selected]);
  const active: Edit | null = kept ?? fresh;
  return {
    values: active?.values ?? null,
    base: active?.base ?? null,
    version: active?.version ?? null,
    dirty: kept !== null && isDirty(kept),
    outdated: kept !== null && selected !== null && kept.version !== selected.version,
    change: (patch) => {
      if (active) setEdit({ ...active, values: { ...active.values, ...patch } });
    },
    reset: (from, values) => {
      if (!from) return setEdit(null);
      const base = valuesOf(from);
      setEdit({ id: from.id, version: from.version, base, values: values ?? base });
    },
  };
}
