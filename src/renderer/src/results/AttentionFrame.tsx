import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { useEffect, useRef, useState } from 'react';
import type { CropBox } from '../../../shared/api/training-diagnostics';
import type { FrameSource } from '../app/media-urls';
import { useMediaUrls } from '../app/media-context';
import { decodeFrame, releaseFrame, type DecodedFrame } from '../scrubber/decode-frame';
import { heatPixels } from './attention-overlay';

/** Side of each drawn frame in CSS pixels. */
const side = 128;

interface AttentionFrameProps {
  recording: FrameSource;
  frame: number;
  step: number;
  crop: CropBox;
  map: readonly number[];
  height: number;
  width: number;
  /** What heat colours are relative to (the sample's largest value). */
  scale: number;
  opacity: number;
}

/** The heat map as a tiny canvas of the map's own size; drawn scaled up with smoothing. */
function heatCanvas(map: readonly number[], width: number, height: number, scale: number): HTMLCanvasElement {
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  canvas.getContext('2d')?.putImageData(new ImageData(heatPixels(map, scale), width, height), 0, 0);
  return canvas;
}

/**
 * One time step: the recording's frame cropped as the clip was (face box, else the whole frame),
 * fetched the way the Label page fetches frames, with DAO's attention drawn over it.
 */
export function AttentionFrame({ recording, frame, step, crop, map, height, width, scale, opacity }: AttentionFrameProps) {
  const { frameUrl } = useMediaUrls();
  const url = frameUrl(recording, frame);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const [image, setImage] = useState<{ url: string; frame: DecodedFrame } | null>(null);
  const [failed, setFailed] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    decodeFrame(url).then(
      (decoded) => {
        if (live) setImage({ url, frame: decoded });
        else releaseFrame(decoded);
      },
      (error: unknown) => {
        if (live) setFailed(`Frame ${frame} ${error instanceof Error ? error.message : String(error)}`);
      },
    );
    return () => {
      live = false;
    };
  }, [url, frame]);
  useEffect(
    () => () => {
      if (image) releaseFrame(image.frame);
    },
    [image],
  );

  const shown = image?.url === url ? image.frame : null;
  useEffect(() => {
    const ctx = canvasRef.current?.getContext('2d');
    if (!ctx) return;
    ctx.globalAlpha = 1;
    ctx.fillStyle = '#333';
    ctx.fillRect(0, 0, side, side);
    if (shown) ctx.drawImage(shown, crop.x, crop.y, crop.width, crop.height, 0, 0, side, side);
    ctx.imageSmoothingEnabled = true;
    ctx.globalAlpha = opacity;
    ctx.drawImage(heatCanvas(map, width, height, scale), 0, 0, side, side);
    ctx.globalAlpha = 1;
  }, [shown, crop, map, width, height, scale, opacity]);

  return (
    <Box component="figure" sx={{ m: 0 }}>
      <canvas
        ref={canvasRef}
        width={side}
        height={side}
        role="img"
        aria-label={`Time step ${step + 1}, frame ${frame}, with DAO attention`}
        data-testid="attention-canvas"
        data-frame-drawn={shown ? 'true' : 'false'}
        style={{ width: side, height: side, display: 'block', borderRadius: 4 }}
      />
      <Typography component="figcaption" variant="caption" color={failed ? 'error' : 'text.secondary'}>
        {failed ?? `t = ${step + 1} · frame ${frame}`}
      </Typography>
    </Box>
  );
}
