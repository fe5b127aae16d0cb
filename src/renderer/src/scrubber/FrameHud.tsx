import Box from '@mui/material/Box';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { ShownFrame } from './use-shown-frame';

export interface FrameHudProps {
  shown: ShownFrame | null;
  target: number;
  mode: 'frame' | 'difference' | 'none';
  difference: { enabled: boolean; gain: number };
  timeOf: (n: number) => string;
  scale: number;
}

const mono = 'ui-monospace, "DejaVu Sans Mono", monospace';
const chip = {
  fontFamily: mono,
  fontSize: 12,
  color: '#cfd8dc',
  bgcolor: 'rgba(0,0,0,0.6)',
  px: 1,
  py: 0.25,
  borderRadius: 0.5,
} as const;

/** The frame number and time of the image on screen (never of one still loading), and the view's state. */
export function FrameHud({ shown, target, mode, difference, timeOf, scale }: FrameHudProps) {
  const loading = shown === null || shown.frame !== target;
  const reference = shown?.reference;
  return (
    <>
      <Box sx={{ position: 'absolute', left: 12, top: 10, pointerEvents: 'none' }}>
        <Box sx={{ display: 'inline-block', bgcolor: 'rgba(0,0,0,0.62)', px: 1.25, py: 0.5, borderRadius: 1 }}>
          <Typography
            component="div"
            data-testid="frame-number"
            aria-label="Frame on screen"
            sx={{ fontFamily: mono, fontSize: 30, fontWeight: 700, lineHeight: 1.1, color: '#fff', fontVariantNumeric: 'tabular-nums' }}
          >
            {shown ? shown.frame : '—'}
          </Typography>
          <Typography component="div" data-testid="frame-time" sx={{ fontFamily: mono, fontSize: 12, color: '#b0bec5' }}>
            {shown ? timeOf(shown.frame) : 'loading…'}
          </Typography>
        </Box>
      </Box>
      <Stack spacing={0.5} sx={{ position: 'absolute', right: 12, top: 10, alignItems: 'flex-end', pointerEvents: 'none' }}>
        {mode === 'difference' && reference && (
          <Typography sx={{ ...chip, color: '#ffe082' }} data-testid="difference-label">
            |{shown?.frame} − {reference.frame}| × {difference.gain}
          </Typography>
        )}
        {difference.enabled && mode !== 'difference' && reference && reference.state?.kind !== 'ready' && (
          <Typography sx={{ ...chip, color: '#ffab91' }}>
            {reference.state?.kind === 'missing'
              ? `Reference frame ${reference.frame} is missing in the source`
              : reference.state?.kind === 'failed'
                ? `Reference frame ${reference.frame} could not be loaded`
                : `Loading reference frame ${reference.frame}…`}
          </Typography>
        )}
        {loading && (
          <Typography sx={chip} data-testid="frame-loading">
            Loading frame {target}…
          </Typography>
        )}
      </Stack>
      <Typography sx={{ ...chip, position: 'absolute', right: 12, bottom: 10, pointerEvents: 'none' }} data-testid="zoom-level">
        {Math.round(scale * 100)}%
      </Typography>
    </>
  );
}
