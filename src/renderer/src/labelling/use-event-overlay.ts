import { useState } from 'react';
import type { LabelEvent } from '../../../shared/api/events';
import type { Span } from './track-math';

/**
 * What this page knows ahead of the list: the copies its own writes returned (shown until the
 * list's reload catches up) and the spans of drags being saved (shown until the save answers).
 */
export function useEventOverlay() {
  const [latest, setLatest] = useState<ReadonlyMap<number, LabelEvent>>(new Map());
  const [moving, setMoving] = useState<ReadonlyMap<number, Span>>(new Map());
  const without = <T,>(m: ReadonlyMap<number, T>, id: number) => {
    const next = new Map(m);
    next.delete(id);
    return next;
  };
  return {
    remember: (e: LabelEvent) => setLatest((m) => new Map(m).set(e.id, e)),
    forget: (id: number) => setLatest((m) => without(m, id)),
    get: (id: number) => latest.get(id),
    startMove: (id: number, span: Span) => setMoving((m) => new Map(m).set(id, span)),
    endMove: (id: number) => setMoving((m) => without(m, id)),
    /** The event as this page should show it. */
    newest: (e: LabelEvent): LabelEvent => {
      const mine = latest.get(e.id);
      const shown = mine && mine.version > e.version ? mine : e;
      const span = moving.get(e.id);
      return span ? { ...shown, ...span } : shown;
    },
  };
}
