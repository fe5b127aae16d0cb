import type { Recording } from '../../../shared/api/recordings';
import { previewPlace } from '../../../shared/domain/preview-sheets';

/** The part of a recording that names its frames. */
export type FrameSource = Pick<Recording, 'mediaPath' | 'frameFormat'>;

/** The part of a recording that places its previews. */
export type PreviewSource = Pick<Recording, 'mediaPath' | 'firstFrame' | 'previewsPerSheet'>;

/** Frame n's small (about 160 px wide) JPEG preview: the `index`-th of `count` side by side in the image at `url`. */
export interface PreviewTile {
  url: string;
  index: number;
  count: number;
}

export interface MediaUrls {
  /** The full-resolution frame `n` (a camera frame number, not an index). */
  frameUrl: (recording: FrameSource, n: number) => string;
  previewTile: (recording: PreviewSource, n: number) => PreviewTile;
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
    previewTile: (recording, n) => {
      const { file, index, count } = previewPlace(recording, n);
      return { url: `${base}/${encodePath(recording.mediaPath)}/previews/${file}`, index, count };
    },
  };
}
