import Button from '@mui/material/Button';
import IconButton from '@mui/material/IconButton';
import NativeSelect from '@mui/material/NativeSelect';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import type { Recording } from '../../../shared/api/recordings';
import type { Subject } from '../../../shared/api/subjects';
import { hrefOf } from '../app/use-hash-route';
import { DeleteIcon, EditIcon } from '../common/icons';
import { formatDuration, formatFps, formatSize } from '../common/media-format';

const importedAt = new Intl.DateTimeFormat(undefined, { dateStyle: 'short', timeStyle: 'short' });
const mono = 'ui-monospace, "DejaVu Sans Mono", monospace';
const numeric = { fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' } as const;

export interface RecordingsTableProps {
  recordings: Recording[];
  subjects: readonly Subject[];
  /** The recording whose subject is being saved. */
  savingId: number | null;
  onSubjectChange: (recording: Recording, subjectId: number | null) => void;
  onEdit: (recording: Recording) => void;
  onDelete: (recording: Recording) => void;
}

function frameSpan(r: Recording): string {
  const missing = r.missingFrames.length > 0 ? ` · ${r.missingFrames.length} missing` : '';
  return `${r.firstFrame}–${r.lastFrame}${missing}`;
}

/** One line per recording: who, what, how it was captured, and the actions on it. */
export function RecordingsTable({ recordings, subjects, savingId, onSubjectChange, onEdit, onDelete }: RecordingsTableProps) {
  return (
    <TableContainer sx={{ maxHeight: 520 }}>
      <Table
        aria-label="Recordings"
        data-testid="recordings-table"
        stickyHeader
        sx={{ '& td, & th': { px: 1, py: 0.5 }, '& td:first-of-type, & th:first-of-type': { pl: 2 }, '& td:last-of-type, & th:last-of-type': { pr: 2 } }}
      >
        <TableHead>
          <TableRow>
            <TableCell sx={{ width: 110 }}>Subject</TableCell>
            <TableCell>Name</TableCell>
            <TableCell>Stimulus</TableCell>
            <TableCell align="right">FPS</TableCell>
            <TableCell align="right">Size</TableCell>
            <TableCell align="right">Frames</TableCell>
            <TableCell align="right">Duration</TableCell>
            <TableCell>Imported</TableCell>
            <TableCell align="right">Events</TableCell>
            <TableCell align="right">Actions</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {recordings.map((r) => (
            <TableRow key={r.id} hover data-testid="recording-row" data-recording-id={r.id}>
              <TableCell>
                <NativeSelect
                  value={r.subjectId ?? ''}
                  disabled={savingId === r.id}
                  onChange={(e) => onSubjectChange(r, e.target.value === '' ? null : Number(e.target.value))}
                  inputProps={{ 'aria-label': `Subject of ${r.name}` }}
                  disableUnderline
                  sx={{ fontFamily: mono, fontWeight: 600, fontSize: 13, minWidth: 90 }}
                >
                  <option value="">— none —</option>
                  {subjects.map((s) => (
                    <option key={s.id} value={s.id}>
                      {s.code}
                    </option>
                  ))}
                </NativeSelect>
              </TableCell>
              <TableCell sx={{ maxWidth: 240 }}>
                <Typography variant="body2" sx={{ fontWeight: 600, overflowWrap: 'anywhere' }}>
                  {r.name}
                </Typography>
                <Typography variant="caption" color="text.secondary" sx={{ fontFamily: mono, display: 'block', whiteSpace: 'nowrap' }}>
                  {r.sourceKind === 'images' ? 'images' : (r.codec ?? 'video')} · {r.frameFormat.toUpperCase()} frames · {r.faceBox ? 'face box' : 'no face box'}
                </Typography>
              </TableCell>
              <TableCell sx={{ fontFamily: mono, color: r.stimulus ? 'text.primary' : 'text.disabled' }}>{r.stimulus || '—'}</TableCell>
              <TableCell align="right" sx={numeric}>
                {formatFps(r.fps)}
              </TableCell>
              <TableCell align="right" sx={numeric}>
                {formatSize(r.width, r.height)}
              </TableCell>
              <TableCell align="right" sx={numeric}>
                <Tooltip title={`Frame numbers ${frameSpan(r)}`} describeChild>
                  <span>{r.frameCount}</span>
                </Tooltip>
                {r.missingFrames.length > 0 && (
                  <Typography component="span" variant="caption" color="warning.main" sx={{ display: 'block' }}>
                    {r.missingFrames.length} missing
                  </Typography>
                )}
              </TableCell>
              <TableCell align="right" sx={numeric}>
                {formatDuration(r.durationSec)}
              </TableCell>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>{importedAt.format(new Date(r.createdAt))}</TableCell>
              <TableCell align="right" sx={numeric}>
                {r.eventCount}
              </TableCell>
              <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                <Button variant="outlined" href={hrefOf('label', r.id)} aria-label={`Open ${r.name} in the Label page`} sx={{ mr: 0.5, py: 0 }}>
                  Open
                </Button>
                <Tooltip title="Edit name and stimulus">
                  <IconButton aria-label={`Edit recording ${r.name}`} onClick={() => onEdit(r)}>
                    <EditIcon fontSize="small" />
                  </IconButton>
                </Tooltip>
                <Tooltip title="Delete recording">
                  <IconButton aria-label={`Delete recording ${r.name}`} onClick={() => onDelete(r)}>
                    <DeleteIcon fontSize="small" />
                  </IconButton>
                </Tooltip>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}
