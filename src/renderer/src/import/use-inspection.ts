import { useEffect, useRef, useState } from 'react';
import type { ApiError } from '../../../shared/api/errors';
import type { ImageFolderScan, VideoProbe } from '../../../shared/api/media';
import { asApiError } from '../api/errors';
import { useApi } from '../app/api-context';

export type Inspected<T> = { state: 'loading' } | { state: 'done'; value: T } | { state: 'failed'; error: ApiError };

/**
 * Reads what ffprobe says of each video in `paths` (once per path while mounted), so the user sees
 * frame rate, frame count and size before anything is imported.
 */
export function useProbes(paths: readonly string[]): ReadonlyMap<string, Inspected<VideoProbe>> {
  const client = useApi();
  const [results, setResults] = useState<ReadonlyMap<string, Inspected<VideoProbe>>>(new Map());
  const settled = useRef(new Set<string>());
  const key = JSON.stringify(paths);

  useEffect(() => {
    const wanted = (JSON.parse(key) as string[]).filter((path) => !settled.current.has(path));
    const controller = new AbortController();
    for (const path of wanted) {
      client.call('media.probe', { path }, { signal: controller.signal }).then(
        (value) => {
          settled.current.add(path);
          setResults((current) => new Map(current).set(path, { state: 'done', value }));
        },
        (error: unknown) => {
          if (!controller.signal.aborted) setResults((current) => new Map(current).set(path, { state: 'failed', error: asApiError(error) }));
        },
      );
    }
    return () => controller.abort();
  }, [client, key]);

  const shown = new Map<string, Inspected<VideoProbe>>();
  for (const path of paths) shown.set(path, results.get(path) ?? { state: 'loading' });
  return shown;
}

/** Scans an image-sequence folder (frame numbers, gaps, duplicates) before it is imported. */
export function useImageScan(dir: string | null): Inspected<ImageFolderScan> | null {
  const client = useApi();
  const [result, setResult] = useState<{ dir: string; inspected: Inspected<ImageFolderScan> } | null>(null);

  useEffect(() => {
    if (dir === null) return undefined;
    const controller = new AbortController();
    client.call('media.scanImages', { path: dir }, { signal: controller.signal }).then(
      (value) => setResult({ dir, inspected: { state: 'done', value } }),
      (error: unknown) => {
        if (!controller.signal.aborted) setResult({ dir, inspected: { state: 'failed', error: asApiError(error) } });
      },
    );
    return () => controller.abort();
  }, [client, dir]);

  if (dir === null) return null;
  return result?.dir === dir ? result.inspected : { state: 'loading' };
}
