import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import CircularProgress from '@mui/material/CircularProgress';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { ImageFolderScan } from '../../../shared/api/media';
import { formatFrameList, formatSize } from '../common/media-format';
import type { Inspected } from './use-inspection';

function Fact({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <>
      <Typography variant="body2" color="text.secondary">
        {label}
      </Typography>
      <Typography variant="body2" sx={{ fontVariantNumeric: 'tabular-nums', fontWeight: 600 }} data-testid={testId}>
        {value}
      </Typography>
    </>
  );
}

function names(list: readonly string[], max = 6): string {
  return list.length <= max ? list.join(', ') : `${list.slice(0, max).join(', ')}, … (${list.length} in all)`;
}

/** An image folder as the importer will read it: which frame numbers, and what is wrong with them. */
export function ScanSummary({ scan }: { scan: Inspected<ImageFolderScan> }) {
  if (scan.state === 'loading') {
    return (
      <Typography color="text.secondary">
        <CircularProgress size={14} sx={{ mr: 1, verticalAlign: 'middle' }} aria-label="Scanning the folder" />
        Scanning the folder…
      </Typography>
    );
  }
  if (scan.state === 'failed') return <Alert severity="error">{scan.error.message}</Alert>;
  const s = scan.value;
  return (
    <Stack spacing={1} data-testid="scan-summary">
      <Box sx={{ display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: 2, rowGap: 0.25 }}>
        <Fact label="Frames" value={`${s.frameCount} images, numbered ${s.firstFrame} to ${s.lastFrame}`} testId="scan-frames" />
        <Fact label="Size" value={`${formatSize(s.width, s.height)} · ${s.extension.toUpperCase()}`} />
      </Box>
      {s.gaps.length > 0 ? (
        <Alert severity="warning" data-testid="scan-gaps">
          {s.gaps.length === 1 ? '1 frame number is missing' : `${s.gaps.length} frame numbers are missing`}: {formatFrameList(s.gaps)}. They will be
          shown as missing frames; the other frames keep their numbers.
        </Alert>
      ) : (
        <Typography variant="body2" color="success.main" data-testid="scan-gaps">
          No gaps: every number from {s.firstFrame} to {s.lastFrame} is there.
        </Typography>
      )}
      {s.duplicates.length > 0 && (
        <Alert severity="warning" data-testid="scan-duplicates">
          {s.duplicates.length === 1 ? '1 file repeats' : `${s.duplicates.length} files repeat`} a frame number another file already has and
          will be skipped: {names(s.duplicates)}
        </Alert>
      )}
      {s.unnumbered.length > 0 && (
        <Alert severity="info" data-testid="scan-unnumbered">
          {s.unnumbered.length === 1 ? '1 image has' : `${s.unnumbered.length} images have`} no number in the name and will not be imported:{' '}
          {names(s.unnumbered)}
        </Alert>
      )}
    </Stack>
  );
}
