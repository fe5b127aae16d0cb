import Box from '@mui/material/Box';
import { memo } from 'react';
import type { Recording } from '../../../shared/api/recordings';
import { useMediaUrls } from '../app/media-context';
import { coverTile } from './timeline-math';

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
 * previews load lazily around what the user is looking at; neighbouring tiles share a sheet.
 */
export const PreviewStrip = memo(function PreviewStrip({ recording, frames, stride, start, pxPerFrame, height }: PreviewStripProps) {
  const { previewTile } = useMediaUrls();
  const missing = new Set(recording.missingFrames);
  const width = stride * pxPerFrame;
  const aspect = recording.width / Math.max(1, recording.height);
  return (
    <Box sx={{ position: 'relative', height, overflow: 'hidden', bgcolor: '#0c0d0f' }} aria-hidden>
      {frames.map((n) => {
        const tile = previewTile(recording, n);
        return (
          <Box
            key={n}
            data-preview-frame={n}
            sx={{ position: 'absolute', top: 0, height, overflow: 'hidden', borderRight: '1px solid rgba(0,0,0,0.6)', opacity: 0.9 }}
            style={{
              left: (n - start) * pxPerFrame,
              width,
              ...(missing.has(n)
                ? { backgroundImage: hatch }
                : { backgroundImage: `url("${tile.url}")`, backgroundRepeat: 'no-repeat', ...coverTile(width, height, aspect, tile.index, tile.count) }),
            }}
          />
        );
      })}
    </Box>
  );
});
