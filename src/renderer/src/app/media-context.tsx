import { createContext, useContext, type ReactNode } from 'react';
import type { MediaUrls } from './media-urls';

const MediaContext = createContext<MediaUrls | null>(null);

export function MediaProvider({ urls, children }: { urls: MediaUrls; children: ReactNode }) {
  return <MediaContext value={urls}>{children}</MediaContext>;
}

/** Frame and preview URLs for the media root chosen at start (see transport.ts). */
export function useMediaUrls(): MediaUrls {
  const urls = useContext(MediaContext);
  if (!urls) throw new Error('useMediaUrls must be used inside <MediaProvider>');
  return urls;
}
