import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { useLayoutEffect, useRef, type PointerEvent } from 'react';
import type { FaceBox } from '../../../shared/api/recordings';
import { drawDifference, drawFrame } from './draw-frame';
import { FrameHud } from './FrameHud';
import type { ShownFrame } from './use-shown-frame';
import type { FaceBoxTool } from './use-face-box';
import type { Viewport } from './use-viewport';
import { toFramePoint } from './viewport-math';

export interface FrameStageProps {
  width: number;
  height: number;
  shown: ShownFrame | null;
  target: number;
  difference: { enabled: boolean; gain: number };
  viewport: Viewport;
  faceBox: FaceBox | null;
  tool: FaceBoxTool;
  /** Seconds and milliseconds of a frame, for the overlay. */
  timeOf: (n: number) => string;
}

/** The box in frame pixels; its outline stays about 1.5 screen pixels at any zoom. */
function BoxRect({ box, draft, scale }: { box: FaceBox; draft?: boolean; scale: number }) {
  return (
    <rect
      x={box.x}
      y={box.y}
      width={box.width}
      height={box.height}
      fill={draft ? 'rgba(255, 196, 0, 0.08)' : 'none'}
      stroke={draft ? '#ffc400' : '#4dd0e1'}
      strokeWidth={1.5 / scale}
      strokeDasharray={draft ? `${6 / scale} ${4 / scale}` : undefined}
      data-testid={draft ? 'face-box-draft' : 'face-box'}
    />
  );
}

/** The current frame, large and exact, with zoom, pan, the difference view and the face box. */
export function FrameStage({ width, height, shown, target, difference, viewport, faceBox, tool, timeOf }: FrameStageProps) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const scratchRef = useRef<HTMLCanvasElement | null>(null);
  const stageRef = useRef<HTMLDivElement>(null);
  const dragRef = useRef<{ x: number; y: number } | null>(null);

  const { containerRef, transform, pixelated, pan, view } = viewport;
  const state = shown?.state;
  const reference = shown?.reference ?? null;
  const image = state?.kind === 'ready' ? state.image : null;
  const referenceImage = reference?.state?.kind === 'ready' ? reference.state.image : null;
  const showDifference = difference.enabled && image !== null && referenceImage !== null;
  const mode = image === null ? 'none' : showDifference ? 'difference' : 'frame';

  // Drawn in the same commit as the frame number, so the two never disagree on screen.
  useLayoutEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas || image === null) return;
    if (showDifference && referenceImage) {
      scratchRef.current ??= document.createElement('canvas');
      drawDifference(canvas, scratchRef.current, image, referenceImage, difference.gain);
    } else {
      drawFrame(canvas, image);
    }
  }, [image, referenceImage, showDifference, difference.gain]);

  const framePoint = (event: PointerEvent) => {
    const box = stageRef.current?.getBoundingClientRect();
    return box ? toFramePoint(event.clientX, event.clientY, box, { width, height }) : { x: 0, y: 0 };
  };
  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    if (event.button !== 0) return;
    event.currentTarget.setPointerCapture(event.pointerId);
    if (tool.active) tool.begin(framePoint(event));
    else dragRef.current = { x: event.clientX, y: event.clientY };
  };
  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    if (tool.dragging) tool.move(framePoint(event));
    else if (dragRef.current) {
      pan(event.clientX - dragRef.current.x, event.clientY - dragRef.current.y);
      dragRef.current = { x: event.clientX, y: event.clientY };
    }
  };
  const onPointerUp = () => {
    if (tool.dragging) tool.end();
    dragRef.current = null;
  };

  return (
    <Box
      ref={containerRef}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={onPointerUp}
      data-testid="frame-stage"
      sx={{
        position: 'relative',
        overflow: 'hidden',
        bgcolor: '#101214',
        minHeight: 0,
        height: '100%',
        cursor: tool.active ? 'crosshair' : 'grab',
        '&:active': { cursor: tool.active ? 'crosshair' : 'grabbing' },
        touchAction: 'none',
        userSelect: 'none',
      }}
    >
      <Box
        ref={stageRef}
        sx={{ position: 'absolute', left: 0, top: 0, width, height, transformOrigin: '0 0' }}
        style={{ transform }}
      >
        <canvas
          ref={canvasRef}
          width={width}
          height={height}
          data-testid="frame-canvas"
          data-frame={mode === 'none' ? undefined : shown?.frame}
          data-mode={mode}
          aria-label={shown && mode !== 'none' ? `Frame ${shown.frame}${mode === 'difference' ? ' (difference)' : ''}` : 'No frame'}
          role="img"
          style={{
            display: 'block',
            width,
            height,
            visibility: mode === 'none' ? 'hidden' : 'visible',
            imageRendering: pixelated ? 'pixelated' : 'auto',
            boxShadow: '0 0 0 1px rgba(255,255,255,0.08)',
          }}
        />
        <svg width={width} height={height} viewBox={`0 0 ${width} ${height}`} style={{ position: 'absolute', inset: 0, overflow: 'visible', pointerEvents: 'none' }}>
          {faceBox && !tool.draft && <BoxRect box={faceBox} scale={view.scale} />}
          {tool.draft && <BoxRect box={tool.draft} draft scale={view.scale} />}
        </svg>
      </Box>
      {state && state.kind !== 'ready' && shown && (
        <Box sx={{ position: 'absolute', inset: 0, display: 'grid', placeItems: 'center', pointerEvents: 'none' }}>
          <Typography
            data-testid={state.kind === 'missing' ? 'frame-missing' : 'frame-failed'}
            sx={{ color: '#e0e0e0', bgcolor: 'rgba(120, 40, 40, 0.55)', border: '1px dashed rgba(255,255,255,0.4)', px: 3, py: 2, borderRadius: 1 }}
          >
            {state.kind === 'missing' ? `Frame ${shown.frame} is missing in the source` : `Frame ${shown.frame} ${state.reason}`}
          </Typography>
        </Box>
      )}
      <FrameHud shown={shown} target={target} mode={mode} difference={difference} timeOf={timeOf} scale={view.scale} />
    </Box>
  );
}
