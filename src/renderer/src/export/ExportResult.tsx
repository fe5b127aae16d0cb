import Alert from '@mui/material/Alert';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import type { Job, JobResult } from '../../../shared/api/jobs';
import { Metric } from '../agreement/Metric';
import { JobCard } from '../jobs/JobCard';
import { droppedByReason } from './export-params';

const mono = 'ui-monospace, "DejaVu Sans Mono", monospace';
/** Past this many, a reason's event numbers are counted rather than listed. */
const idsShown = 30;

function DroppedEvents({ dropped }: { dropped: JobResult<'datasets.export'>['droppedEvents'] }) {
  if (dropped.length === 0) return <Typography color="text.secondary">No event was left out.</Typography>;
  return (
    <Table size="small" aria-label="Events left out" data-testid="export-dropped">
      <TableHead>
        <TableRow>
          <TableCell>Why left out</TableCell>
          <TableCell align="right">Events</TableCell>
          <TableCell>Event numbers</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {droppedByReason(dropped).map(({ reason, eventIds }) => (
          <TableRow key={reason}>
            <TableCell>{reason}</TableCell>
            <TableCell align="right">{eventIds.length}</TableCell>
            <TableCell sx={{ fontFamily: mono, fontSize: 12 }}>
              {eventIds.slice(0, idsShown).map((id) => `#${id}`).join(' ')}
              {eventIds.length > idsShown ? ` … and ${eventIds.length - idsShown} more` : ''}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

function Summary({ result }: { result: JobResult<'datasets.export'> }) {
  return (
    <Paper sx={{ p: 2 }} data-testid="export-summary">
      <Stack spacing={2}>
        <Alert severity="success">
          Exported to{' '}
          <Typography component="span" sx={{ fontFamily: mono, overflowWrap: 'anywhere' }} data-testid="export-dir">
            {result.dir}
          </Typography>
        </Alert>
        <Stack direction="row" spacing={4} sx={{ flexWrap: 'wrap', rowGap: 2 }}>
          <Metric label="Folds" value={String(result.folds)} testId="export-folds" />
          <Metric label="Samples" value={String(result.samples)} testId="export-samples" />
          <Metric label="Subjects" value={String(result.subjects)} testId="export-subjects" />
          <Metric label="Subject leaks" value={String(result.leaks)} note="subjects on both sides of a fold" testId="export-leaks" />
          <Metric label="Frames copied" value={String(result.frames)} testId="export-frames" />
          <Metric label="Events left out" value={String(result.dropped)} testId="export-dropped-count" />
        </Stack>
        <DroppedEvents dropped={result.droppedEvents} />
      </Stack>
    </Paper>
  );
}

/** The export job as it runs (progress, cancel), and once it has succeeded what it wrote. */
export function ExportResult({ job, cancelling, onCancel }: { job: Job; cancelling: boolean; onCancel: (id: number) => void }) {
  const result = job.status === 'succeeded' ? (job.result as JobResult<'datasets.export'> | null) : null;
  return (
    <Stack spacing={2} component="section" aria-label="Export job" data-testid="export-job">
      <Stack component="ul" sx={{ m: 0, p: 0 }}>
        <JobCard job={job} cancelling={cancelling} onCancel={onCancel} />
      </Stack>
      {result && <Summary result={result} />}
    </Stack>
  );
}
