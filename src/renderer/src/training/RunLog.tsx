import Alert from '@mui/material/Alert';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import type { EpochRecord, Run } from '../../../shared/api/training';
import type { RunViewState } from './use-run-view';

const percent = (x: number | null) => (x === null ? '–' : `${(x * 100).toFixed(1)} %`);
const mono = { fontFamily: 'ui-monospace, "DejaVu Sans Mono", monospace', fontSize: 12 } as const;

function lossText(losses: EpochRecord['losses']): string {
  return Object.entries(losses).map(([term, value]) => `${term} ${value.toFixed(3)}`).join(', ');
}

/** What the run's job says now, the run's own message, and its last epochs. */
export function RunLog({ run, v }: { run: Run; v: RunViewState }) {
  const recent = v.digest?.recent ?? [];
  const nameOf = (fold: number) => v.folds.folds.find((f) => f.index === fold)?.name ?? `fold ${fold + 1}`;
  return (
    <Stack spacing={1} data-testid="run-log">
      {v.job && v.active && (
        <Typography sx={mono} data-testid="run-job-message">
          {v.job.message}
        </Typography>
      )}
      {run.message && !v.active && (
        <Alert severity={run.status === 'succeeded' ? 'success' : run.status === 'failed' ? 'error' : 'info'} data-testid="run-message">
          {run.message}
        </Alert>
      )}
      {v.job?.error && v.job.error !== run.message && <Alert severity="error">{v.job.error}</Alert>}
      {v.resume.error && <Alert severity="error">{v.resume.error.message}</Alert>}
      {v.cancelError && <Alert severity="error">{v.cancelError.message}</Alert>}
      {v.epochsError && <Alert severity="warning">The epochs could not be read: {v.epochsError.message}</Alert>}
      {recent.length > 0 && (
        <Table size="small" aria-label="Last epochs">
          <TableHead>
            <TableRow>
              <TableCell>Fold</TableCell>
              <TableCell>Stage</TableCell>
              <TableCell>Epoch</TableCell>
              <TableCell>Losses</TableCell>
              <TableCell align="right">Train</TableCell>
              <TableCell align="right">Validation</TableCell>
              <TableCell align="right">Seconds</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {recent.map((r) => (
              <TableRow key={`${r.fold}/${r.stage}/${r.epoch}`}>
                <TableCell>{nameOf(r.fold)}</TableCell>
                <TableCell>{r.stage}</TableCell>
                <TableCell>{r.epoch}</TableCell>
                <TableCell sx={mono}>{lossText(r.losses)}</TableCell>
                <TableCell align="right">{percent(r.trainAccuracy)}</TableCell>
                <TableCell align="right">{percent(r.validationAccuracy)}</TableCell>
                <TableCell align="right">{r.seconds.toFixed(1)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Stack>
  );
}
