import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import LinearProgress from '@mui/material/LinearProgress';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TablePagination from '@mui/material/TablePagination';
import TableRow from '@mui/material/TableRow';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import type { LabelEvent } from '../../../shared/api/events';
import { FlagIcon } from '../common/icons';
import { flagText } from '../labelling/flag-text';
import type { EventPage } from './use-event-page';

export interface EventsTableProps {
  list: EventPage;
  onOpen: (event: LabelEvent) => void;
  /** The recording's name per id (the project list shows it). */
  recordingName?: ((id: number) => string) | undefined;
  selectedId?: number | null;
  dense?: boolean;
}

const mono = 'ui-monospace, "DejaVu Sans Mono", monospace';

/** One row per event; a click opens it (jump + loop). Paginated on the server. */
export function EventsTable({ list, onOpen, recordingName, selectedId, dense }: EventsTableProps) {
  return (
    <Box>
      <Box sx={{ height: 2 }}>{list.loading && <LinearProgress aria-label="Loading events" />}</Box>
      {list.error && <Alert severity="error">{list.error.message}</Alert>}
      <Table size="small" aria-label="Events" data-testid="events-table" sx={{ '& td, & th': { px: dense ? 0.75 : 1, py: 0.4, fontSize: 12.5 }, tableLayout: dense ? 'fixed' : 'auto' }}>
        <TableHead>
          <TableRow>
            {recordingName && <TableCell>Recording</TableCell>}
            {!dense && <TableCell>Subject</TableCell>}
            <TableCell sx={{ width: dense ? 76 : undefined }}>Frames</TableCell>
            <TableCell>Emotion</TableCell>
            <TableCell>AUs</TableCell>
            <TableCell sx={{ width: dense ? 64 : undefined }}>Coder</TableCell>
            <TableCell sx={{ width: 28 }} aria-label="Flags" />
          </TableRow>
        </TableHead>
        <TableBody>
          {list.events.map((e) => (
            <TableRow
              key={e.id}
              hover
              selected={e.id === selectedId}
              data-testid="event-row"
              data-event-id={e.id}
              onClick={() => onOpen(e)}
              tabIndex={0}
              onKeyDown={(k) => k.key === 'Enter' && onOpen(e)}
              sx={{ cursor: 'pointer' }}
            >
              {recordingName && <TableCell sx={{ maxWidth: 200, overflowWrap: 'anywhere' }}>{recordingName(e.recordingId)}</TableCell>}
              {!dense && <TableCell sx={{ fontFamily: mono }}>{e.subjectCode ?? '—'}</TableCell>}
              <TableCell sx={{ fontFamily: mono, whiteSpace: 'nowrap' }}>
                {e.onset}–{e.offset}
                {!dense && <Typography component="span" variant="caption" color="text.secondary">{` apex ${e.apex ?? '∅'}`}</Typography>}
              </TableCell>
              <TableCell sx={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>{e.emotion}</TableCell>
              <TableCell sx={{ fontFamily: mono, overflowWrap: 'anywhere' }}>{e.aus || '—'}</TableCell>
              <TableCell sx={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>{e.annotatorName}</TableCell>
              <TableCell>
                {(e.flags.length > 0 || e.uncertain) && (
                  <Tooltip title={[...e.flags.map((f) => flagText[f]), ...(e.uncertain ? ['coder unsure'] : [])].join(', ')}>
                    <FlagIcon sx={{ fontSize: 16, color: e.flags.length > 0 ? 'warning.main' : 'text.secondary', verticalAlign: 'middle' }} aria-label="Flagged" />
                  </Tooltip>
                )}
              </TableCell>
            </TableRow>
          ))}
          {list.events.length === 0 && !list.loading && (
            <TableRow>
              <TableCell colSpan={7} sx={{ color: 'text.secondary', py: 2 }}>
                No events match.
              </TableCell>
            </TableRow>
          )}
        </TableBody>
      </Table>
      <TablePagination
        component="div"
        count={list.total}
        page={Math.min(list.page, Math.max(0, Math.ceil(list.total / list.pageSize) - 1))}
        rowsPerPage={list.pageSize}
        rowsPerPageOptions={[]}
        onPageChange={(_, page) => list.setPage(page)}
        data-testid="events-pagination"
        sx={{ '& .MuiTablePagination-toolbar': { minHeight: 36, px: 1 } }}
      />
    </Box>
  );
}
