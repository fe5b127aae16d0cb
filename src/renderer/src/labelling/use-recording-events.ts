import { useState } from 'react';
import type { LabelEvent } from '../../../shared/api/events';
import type { Recording } from '../../../shared/api/recordings';
import { useApiEvent } from '../api/use-api-event';
import { useApiQuery } from '../api/use-api-query';

/** One recording holds far fewer events than this; the list is read in one call. */
const recordingLimit = 1000;

export interface RecordingEvents {
  /** The events shown: the coder's own, or everyone's in Compare. */
  events: LabelEvent[];
  loading: boolean;
  error: string | null;
  compare: boolean;
  setCompare: (on: boolean) => void;
  /** Coders with events on this recording (in Compare), in a stable order for colours. */
  coders: { id: number; name: string }[];
  reload: () => void;
}

/**
 * The events of a recording as the timeline shows them: by default only the coder's own; with
 * Compare (or before a coder is chosen) every coder's. Reloaded whenever anyone changes them.
 */
export function useRecordingEvents(recording: Recording, annotatorId: number | null): RecordingEvents {
  const [compare, setCompare] = useState(false);
  const everyone = compare || annotatorId === null;
  const query = useApiQuery('events.list', {
    recordingId: recording.id,
    ...(compare || annotatorId === null ? {} : { annotatorId }),
    limit: recordingLimit,
  });
  useApiEvent('events.changed', (payload) => {
    if (payload.recordingId === recording.id) query.reload();
  });
  const events = query.data?.events ?? [];
  const coders = [...new Map(events.map((e) => [e.annotatorId, { id: e.annotatorId, name: e.annotatorName }])).values()].sort((a, b) => a.id - b.id);
  return {
    events,
    loading: query.loading,
    error: query.error?.message ?? null,
    compare: everyone,
    setCompare,
    coders,
    reload: query.reload,
  };
}
