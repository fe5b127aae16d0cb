import { useRef } from 'react';
import { useApiEvent } from '../api/use-api-event';

/**
 * Calls `onImported` once for each dataset import into the project that succeeds, whether or not
 * the wizard is still open: the import writes subjects, recordings and events in one go, and
 * sends no change event of its own.
 */
export function useDatasetImported(projectId: number | null, onImported: () => void): void {
  const seen = useRef(new Set<number>());
  useApiEvent('job.updated', (job) => {
    if (job.kind !== 'datasets.import' || job.status !== 'succeeded' || seen.current.has(job.id)) return;
    if ((job.params as { projectId?: unknown } | null)?.projectId !== projectId) return;
    seen.current.add(job.id);
    onImported();
  });
}
