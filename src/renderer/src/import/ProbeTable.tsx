import Alert from '@mui/material/Alert';
import CircularProgress from '@mui/material/CircularProgress';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import type { VideoProbe } from '../../../shared/api/media';
import { formatBytes, formatDuration, formatFps, formatSize } from '../common/media-format';
import { baseName } from './import-paths';
import type { Inspected } from './use-inspection';

const mono = 'ui-monospace, "DejaVu Sans Mono", monospace';
const num = { fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' } as const;

export interface ProbeTableProps {
  probes: ReadonlyMap<string, Inspected<VideoProbe>>;
  /** Editable stimulus code per file; omitted when the stimulus is not chosen per file. */
  stimuli?: Readonly<Record<string, string>>;
  onStimulus?: (path: string, stimulus: string) => void;
  label: string;
}

/** What ffprobe says of each chosen video: codec, size, exact frame rate, frames, duration. */
export function ProbeTable({ probes, stimuli, onStimulus, label }: ProbeTableProps) {
  return (
    <Table aria-label={label} data-testid="probe-table" sx={{ '& td, & th': { px: 1 } }}>
      <TableHead>
        <TableRow>
          <TableCell>File</TableCell>
          {stimuli && <TableCell sx={{ width: 150 }}>Stimulus</TableCell>}
          <TableCell>Codec</TableCell>
          <TableCell align="right">Size</TableCell>
          <TableCell align="right">FPS</TableCell>
          <TableCell align="right">Frames</TableCell>
          <TableCell align="right">Duration</TableCell>
          <TableCell align="right">File size</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {[...probes].map(([path, inspected]) => (
          <TableRow key={path} data-testid="probe-row">
            <TableCell sx={{ fontFamily: mono, fontSize: 12, overflowWrap: 'anywhere', maxWidth: 220 }}>{baseName(path)}</TableCell>
            {stimuli && (
              <TableCell>
                <TextField
                  variant="standard"
                  value={stimuli[path] ?? ''}
                  onChange={(e) => onStimulus?.(path, e.target.value)}
                  slotProps={{ htmlInput: { 'aria-label': `Stimulus of ${baseName(path)}`, style: { fontFamily: mono, fontSize: 12 } } }}
                />
              </TableCell>
            )}
            {inspected.state === 'loading' && (
              <TableCell colSpan={6}>
                <CircularProgress size={14} sx={{ mr: 1, verticalAlign: 'middle' }} aria-label="Reading the file" />
                Reading…
              </TableCell>
            )}
            {inspected.state === 'failed' && (
              <TableCell colSpan={6}>
                <Alert severity="error" sx={{ py: 0 }}>
                  {inspected.error.message}
                </Alert>
              </TableCell>
            )}
            {inspected.state === 'done' && (
              <>
                <TableCell sx={{ fontFamily: mono, fontSize: 12 }}>
                  {inspected.value.codec}
                  {inspected.value.rotation !== 0 && ` · rotated ${inspected.value.rotation}°`}
                </TableCell>
                <TableCell align="right" sx={num}>
                  {formatSize(inspected.value.width, inspected.value.height)}
                </TableCell>
                <TableCell align="right" sx={num} data-testid="probe-fps">
                  {formatFps(inspected.value.fps)}
                </TableCell>
                <TableCell align="right" sx={num} data-testid="probe-frames">
                  {inspected.value.frameCount}
                </TableCell>
                <TableCell align="right" sx={num}>
                  {formatDuration(inspected.value.durationSec)}
                </TableCell>
                <TableCell align="right" sx={num}>
                  {formatBytes(inspected.value.sizeBytes)}
                </TableCell>
              </>
            )}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
