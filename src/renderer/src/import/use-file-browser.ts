import { useCallback, useEffect, useState } from 'react';
import type { ApiError } from '../../../shared/api/errors';
import type { FolderListing } from '../../../shared/api/media';
import { useApiQuery } from '../api/use-api-query';

function readStored(storageKey: string): string | null {
  try {
    return window.localStorage.getItem(storageKey);
  } catch {
    return null;
  }
}

export interface FileBrowser {
  /** The folder asked for; null = the backend's default folder. */
  requested: string | null;
  listing: FolderListing | undefined;
  loading: boolean;
  error: ApiError | null;
  open: (dir: string | null) => void;
  reload: () => void;
}

/**
 * Browses folders on the machine that runs the backend (which may be a lab server: import paths
 * are its paths, not this computer's). Starts in the folder used last (remembered per `storageKey`).
 */
export function useFileBrowser(storageKey = 'mer.import.lastDir'): FileBrowser {
  const [requested, setRequested] = useState<string | null>(() => readStored(storageKey));
  const query = useApiQuery('files.list', requested === null ? {} : { dir: requested });
  const shownDir = query.data?.dir;

  useEffect(() => {
    if (shownDir === undefined) return;
    try {
      window.localStorage.setItem(storageKey, shownDir);
    } catch {
      // Storage may be disabled; the folder is then forgotten after a reload.
    }
  }, [shownDir, storageKey]);

  const open = useCallback((dir: string | null) => setRequested(dir), []);
  return { requested, listing: query.data, loading: query.loading, error: query.error, open, reload: query.reload };
}
