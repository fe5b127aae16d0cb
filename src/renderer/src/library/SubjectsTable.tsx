import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import IconButton from '@mui/material/IconButton';
import LinearProgress from '@mui/material/LinearProgress';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import type { ApiError } from '../../../shared/api/errors';
import type { Subject } from '../../../shared/api/subjects';
import { DeleteIcon, EditIcon } from '../common/icons';

const changedAt = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

export interface SubjectsTableProps {
  subjects: Subject[] | undefined;
  loading: boolean;
  error: ApiError | null;
  onEdit: (subject: Subject) => void;
  onDelete: (subject: Subject) => void;
}

export function SubjectsTable({ subjects, loading, error, onEdit, onDelete }: SubjectsTableProps) {
  return (
    <Box>
      <Box sx={{ height: 2 }}>{loading && <LinearProgress aria-label="Loading subjects" />}</Box>
      {error && (
        <Alert severity="error" sx={{ m: 2 }}>
          {error.message}
        </Alert>
      )}
      <TableContainer>
        <Table aria-label="Subjects" data-testid="subjects-table" stickyHeader>
          <TableHead>
            <TableRow>
              <TableCell sx={{ width: 160 }}>Code</TableCell>
              <TableCell>Notes</TableCell>
              <TableCell align="right" sx={{ width: 110 }}>
                Recordings
              </TableCell>
              <TableCell sx={{ width: 170 }}>Last changed</TableCell>
              <TableCell align="right" sx={{ width: 96 }}>
                Actions
              </TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {subjects?.map((subject) => (
              <TableRow key={subject.id} hover data-testid="subject-row">
                <TableCell sx={{ fontFamily: 'ui-monospace, "DejaVu Sans Mono", monospace', fontWeight: 600 }}>{subject.code}</TableCell>
                <TableCell sx={{ whiteSpace: 'pre-line', overflowWrap: 'anywhere', color: subject.notes ? 'text.primary' : 'text.disabled' }}>
                  {subject.notes || '—'}
                </TableCell>
                <TableCell align="right">{subject.recordingCount}</TableCell>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>{changedAt.format(new Date(subject.updatedAt))}</TableCell>
                <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                  <Tooltip title="Edit code and notes">
                    <IconButton aria-label={`Edit subject ${subject.code}`} onClick={() => onEdit(subject)}>
                      <EditIcon fontSize="small" />
                    </IconButton>
                  </Tooltip>
                  <Tooltip title="Delete subject">
                    <IconButton aria-label={`Delete subject ${subject.code}`} onClick={() => onDelete(subject)}>
                      <DeleteIcon fontSize="small" />
                    </IconButton>
                  </Tooltip>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableContainer>
      {subjects && subjects.length === 0 && (
        <Typography color="text.secondary" sx={{ px: 2, py: 3 }}>
          No subjects in this project yet.
        </Typography>
      )}
    </Box>
  );
}
