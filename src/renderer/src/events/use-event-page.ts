import { useState } from 'react';
import type { Input } from '../../../shared/api/contract';
import { useApiEvent } from '../api/use-api-event';
import { useApiQuery } from '../api/use-api-query';

export interface EventFilter {
  subjectId?: number | undefined;
  emotion?: string | undefined;
  au?: number | undefined;
  annotatorId?: number | undefined;
  status?: 'flagged' | 'unflagged' | 'uncertain' | undefined;
}

export type EventScope = { projectId: number; recordingId?: undefined } | { recordingId: number; projectId?: undefined };

/** The list call's arguments for one page: only the filters that are set. */
export function listArgs(scope: EventScope, filter: EventFilter, page: number, pageSize: number): Input<'events.list'> {
  const set = Object.fromEntries(Object.entries(filter).filter(([, v]) => v !== undefined && v !== ''));
  return { ...(scope.projectId !== undefined ? { projectId: scope.projectId } : { recordingId: scope.recordingId }), ...set, limit: pageSize, offset: page * pageSize };
}

/** A filtered, paginated list of events (`events.list` with limit/offset), live as events change. */
export function useEventPage(scope: EventScope, pageSize: number) {
  const [filter, setFilterState] = useState<EventFilter>({});
  const [page, setPage] = useState(0);
  const query = useApiQuery('events.list', listArgs(scope, filter, page, pageSize));
  useApiEvent('events.changed', (p) => {
    if (scope.projectId !== undefined ? p.projectId === scope.projectId : p.recordingId === scope.recordingId) query.reload();
  });
  const total = query.data?.total ?? 0;
  // A change elsewhere can shrink the list under the page shown: show its last page then.
  const lastPage = Math.max(0, Math.ceil(total / pageSize) - 1);
  if (query.data && page > lastPage) setPage(lastPage);
  return {
    filter,
    setFilter: (patch: Partial<EventFilter>) => {
      setFilterState((f) => ({ ...f, ...patch }));
      setPage(0);
    },
    clearFilter: () => {
      setFilterState({});
      setPage(0);
    },
    page,
    setPage,
    pageSize,
    events: query.data?.events ?? [],
    total,
    loading: query.loading,
    error: query.error,
  };
}

export type EventPage = ReturnType<typeof useEventPage>;
