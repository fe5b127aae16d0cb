import type { Recording } from '../../../shared/api/recordings';

/** The part of a recording that names its frames. */
export type FrameSource = Pick<Recording, 'mediaPath' | 'frameFormat'>;

export interface MediaUrls {
  /** The full-resolution frame `n` (a camera frame number, not an index). */
  frameUrl: (recording: FrameSource, n: number) => string;
  /** The small (about 160 px wide) JPEG preview of frame `n`. */
  previewUrl: (recording: FrameSource, n: number) => string;
}

function encodePath(path: string): string {
  return path
    .split('/')
    .filter((part) => part !== '')
    .map(encodeURIComponent)
    .join('/');
}

/** Frame and preview URLs below `root` (`/media` over HTTP, `mer-media://media` in Electron). */
export function createMediaUrls(root: string): MediaUrls {
  const base = root.replace(/\/+$/, '');
  return {
    frameUrl: (recording, n) => `${base}/${encodePath(recording.mediaPath)}/frames/${n}.${recording.frameFormat}`,
    previewUrl: (recording, n) => `${base}/${encodePath(recording.mediaPath)}/previews/${n}.jpg`,
  };
}
