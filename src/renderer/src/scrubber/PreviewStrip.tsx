import Box from '@mui/material/Box';
import { memo } from 'react';
import type { Recording } from '../../../shared/api/recordings';
import { useMediaUrls } from '../app/media-context';

export interface PreviewStripProps {
  recording: Recording;
  frames: readonly number[];
  stride: number;
  start: number;
  pxPerFrame: number;
  height: number;
}

const hatch = 'repeating-linear-gradient(45deg, #3a2323 0 4px, #2a1b1b 4px 8px)';

/**
 * Small previews along the visible part of the timeline. Only the tiles in view exist, so
 * previews load lazily around what the user is looking at.
 */
export const PreviewStrip = memo(function PreviewStrip({ recording, frames, stride, start, pxPerFrame, height }: PreviewStripProps) {
  const { previewUrl } = useMediaUrls();
  const missing = new Set(recording.missingFrames);
  return (
    <Box sx={{ position: 'relative', height, overflow: 'hidden', bgcolor: '#0c0d0f' }} aria-hidden>
      {frames.map((n) => (
        <Box
          key={n}
          sx={{ position: 'absolute', top: 0, height, overflow: 'hidden', borderRight: '1px solid rgba(0,0,0,0.6)' }}
          style={{ left: (n - start) * pxPerFrame, width: stride * pxPerFrame }}
        >
          {missing.has(n) ? (
            <Box sx={{ width: '100%', height: '100%', background: hatch }} />
          ) : (
            <img
              src={previewUrl(recording, n)}
              alt=""
              loading="lazy"
              decoding="async"
              draggable={false}
              style={{ height: '100%', width: '100%', objectFit: 'cover', display: 'block', opacity: 0.9 }}
            />
          )}
        </Box>
      ))}
    </Box>
  );
});
