import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useRef, type PointerEvent, type ReactNode } from 'react';
import type { Recording } from '../../../shared/api/recordings';
import { tickStep } from './frame-math';
import { PreviewStrip } from './PreviewStrip';
import { previewFrames } from './timeline-math';
import { useElementSize } from './use-element-size';
import { useTimelineRange, type TimelineRange } from './use-timeline-range';

export interface TimelineProps {
  recording: Recording;
  /** The frame on screen. */
  shown: number | null;
  /** The frame asked for (ahead of `shown` while it loads). */
  target: number;
  loop: { from: number | null; to: number | null; enabled: boolean };
  onSeek: (n: number) => void;
  /** Rows drawn under the strip on the same frame axis (the event tracks); pressing them does not seek. */
  track?: (t: TimelineRange, playhead: number) => ReactNode;
}

const rulerHeight = 20;
const stripHeight = 44;
const mono = 'ui-monospace, "DejaVu Sans Mono", monospace';

/** Ruler, preview strip and playhead; click or drag to seek, wheel to zoom, Shift+wheel to scroll. */
export function Timeline({ recording, shown, target, loop, onSeek, track }: TimelineProps) {
  const { firstFrame: first, lastFrame: last } = recording;
  const { ref: measure, width, element } = useElementSize<HTMLDivElement>();
  const t = useTimelineRange(first, last, target, width, element);
  const dragging = useRef(false);
  const tileWidth = Math.max(24, Math.round((stripHeight * recording.width) / Math.max(1, recording.height)));
  const previews = previewFrames(t.range, t.pxPerFrame, tileWidth, first, last);
  const step = tickStep(1 / t.pxPerFrame, 64);
  const ticks: number[] = [];
  for (let n = Math.ceil(t.range.start / step) * step; n < t.range.end; n += step) if (n >= first && n <= last) ticks.push(n);
  const missingInView = recording.missingFrames.filter((n) => n >= t.range.start && n < t.range.end).slice(0, 500);
  const playheadFrame = shown ?? target;

  const seekAt = (event: PointerEvent<HTMLDivElement>) => {
    const box = event.currentTarget.getBoundingClientRect();
    onSeek(t.frameAt(event.clientX - box.left));
  };

  return (
    <Box sx={{ bgcolor: '#16181b', borderTop: '1px solid #2a2e33', px: 1.5, pt: 0.5, pb: 0.75 }}>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 0.25 }}>
        <Typography variant="caption" sx={{ color: '#8a96a3', fontFamily: mono }}>
          frames {Math.ceil(t.range.start)}–{Math.min(last, Math.ceil(t.range.end) - 1)} of {first}–{last}
        </Typography>
        <Box sx={{ flex: 1 }} />
        <Button size="small" onClick={t.showAll} onMouseDown={(e) => e.preventDefault()} sx={{ py: 0, fontSize: 12, color: '#b0bec5' }}>
          Whole recording
        </Button>
      </Stack>
      <Box
        ref={measure}
        role="slider"
        aria-label="Timeline"
        aria-valuemin={first}
        aria-valuemax={last}
        aria-valuenow={playheadFrame}
        data-testid="timeline"
        onPointerDown={(event) => {
          if (event.button !== 0) return;
          event.currentTarget.setPointerCapture(event.pointerId);
          dragging.current = true;
          seekAt(event);
        }}
        onPointerMove={(event) => dragging.current && seekAt(event)}
        onPointerUp={() => (dragging.current = false)}
        onPointerCancel={() => (dragging.current = false)}
        sx={{ position: 'relative', height: rulerHeight + stripHeight, cursor: 'ew-resize', userSelect: 'none', touchAction: 'none', overflow: 'hidden' }}
      >
        <Box sx={{ position: 'relative', height: rulerHeight, borderBottom: '1px solid #2a2e33' }}>
          {ticks.map((n) => (
            <Box key={n} sx={{ position: 'absolute', top: 0, height: rulerHeight, borderLeft: '1px solid #4a525b' }} style={{ left: t.xOf(n) }}>
              <Typography component="span" sx={{ position: 'absolute', left: 3, top: 1, fontSize: 10.5, color: '#9aa5b1', fontFamily: mono, whiteSpace: 'nowrap' }}>
                {n}
              </Typography>
            </Box>
          ))}
          {missingInView.map((n) => (
            <Box key={n} sx={{ position: 'absolute', bottom: 0, height: 5, bgcolor: '#e57373' }} style={{ left: t.xOf(n), width: Math.max(2, t.pxPerFrame) }} />
          ))}
        </Box>
        <PreviewStrip recording={recording} frames={previews.frames} stride={previews.stride} start={t.range.start} pxPerFrame={t.pxPerFrame} height={stripHeight} />
        {loop.from !== null && (
          <Box
            data-testid="loop-range"
            sx={{
              position: 'absolute',
              top: 0,
              bottom: 0,
              bgcolor: loop.enabled ? 'rgba(255, 193, 7, 0.16)' : 'rgba(255, 255, 255, 0.06)',
              borderLeft: '2px solid #ffc107',
              borderRight: loop.to !== null ? '2px solid #ffc107' : 'none',
              pointerEvents: 'none',
            }}
            style={{ left: t.xOf(loop.from), width: Math.max(2, t.xOf((loop.to ?? loop.from) + 1) - t.xOf(loop.from)) }}
          />
        )}
        {target !== playheadFrame && (
          <Box sx={{ position: 'absolute', top: 0, bottom: 0, borderLeft: '1px dashed #90a4ae', pointerEvents: 'none' }} style={{ left: t.xOf(target + 0.5) }} />
        )}
        <Box
          data-testid="playhead"
          sx={{ position: 'absolute', top: 0, bottom: 0, width: 0, borderLeft: '2px solid #ff5252', pointerEvents: 'none' }}
          style={{ left: t.xOf(playheadFrame + 0.5) - 1 }}
        >
          <Box sx={{ position: 'absolute', top: 0, left: -6, width: 0, height: 0, borderLeft: '5px solid transparent', borderRight: '5px solid transparent', borderTop: '7px solid #ff5252' }} />
        </Box>
      </Box>
      {track?.(t, playheadFrame)}
    </Box>
  );
}
