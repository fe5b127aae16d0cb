import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import type { Recording } from '../../../shared/api/recordings';
import { hrefOf } from '../app/use-hash-route';
import { BackIcon } from '../common/icons';
import { formatDuration, formatFps, formatSize } from '../common/media-format';

/** Which recording is open: name, subject, stimulus and how it was captured; `actions` sit at the right. */
export function RecordingHeader({ recording, actions }: { recording: Recording; actions?: ReactNode }) {
  const facts = [
    formatSize(recording.width, recording.height),
    `${formatFps(recording.fps)} fps`,
    `${recording.frameCount} frames (${recording.firstFrame}–${recording.lastFrame})`,
    formatDuration(recording.durationSec),
    recording.sourceKind === 'images' ? 'image sequence' : (recording.codec ?? 'video'),
  ];
  return (
    <Stack direction="row" spacing={1.5} sx={{ alignItems: 'center', px: 1.5, py: 0.75, bgcolor: 'background.paper', borderBottom: 1, borderColor: 'divider' }}>
      <Button href={hrefOf('library')} startIcon={<BackIcon fontSize="small" />} onMouseDown={(e) => e.preventDefault()}>
        Library
      </Button>
      <Typography variant="subtitle1" component="h1" sx={{ fontWeight: 700 }} data-testid="recording-name" noWrap>
        {recording.name}
      </Typography>
      <Chip size="small" label={recording.subjectCode ? `subject ${recording.subjectCode}` : 'no subject'} variant="outlined" />
      {recording.stimulus && <Chip size="small" label={`stimulus ${recording.stimulus}`} variant="outlined" />}
      <Typography variant="body2" color="text.secondary" noWrap sx={{ fontVariantNumeric: 'tabular-nums', minWidth: 0 }}>
        {facts.join(' · ')}
      </Typography>
      {actions && <Stack direction="row" sx={{ ml: 'auto !important', pl: 1, flexShrink: 0 }}>{actions}</Stack>}
    </Stack>
  );
}
