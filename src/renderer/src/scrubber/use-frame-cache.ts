import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import type { Recording } from '../../../shared/api/recordings';
import { useMediaUrls } from '../app/media-context';
import { cacheCapacity, decodeFrame, releaseFrame, type DecodedFrame } from './decode-frame';
import { FrameCache } from './frame-cache';

/**
 * The frame cache of one recording; the component re-renders whenever a frame settles. Mount it
 * in a component keyed by the recording's frame store (id and media path), so another recording
 * or a re-import gets a cache of its own.
 */
export function useFrameCache(recording: Recording): FrameCache<DecodedFrame> {
  const { frameUrl } = useMediaUrls();
  const [cache] = useState(() => {
    const missing = new Set(recording.missingFrames);
    const source = { mediaPath: recording.mediaPath, frameFormat: recording.frameFormat };
    return new FrameCache<DecodedFrame>({
      load: (n) => decodeFrame(frameUrl(source, n)),
      release: releaseFrame,
      isMissing: (n) => missing.has(n),
      capacity: cacheCapacity(recording.width, recording.height),
      concurrency: 6,
    });
  });

  // Leaving the page frees the decoded frames (the cache refills if the page comes back).
  useEffect(() => () => cache.clear(), [cache]);

  const subscribe = useCallback((listener: () => void) => cache.subscribe(listener), [cache]);
  useSyncExternalStore(subscribe, () => cache.getVersion());
  return cache;
}
