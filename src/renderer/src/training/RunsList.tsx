import Chip from '@mui/material/Chip';
import Link from '@mui/material/Link';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import type { RunSummary } from '../../../shared/api/training';
import { hrefOf } from '../app/use-hash-route';
import { jobStatusColors, jobStatusLabels } from '../jobs/job-text';
import { queuedName, type useTrainingRuns } from './use-training-runs';

const percent = (x: number | null | undefined) => (x === null || x === undefined ? '–' : `${(x * 100).toFixed(1)} %`);

function StatusCell({ run, progress }: { run: RunSummary; progress: number | null }) {
  return (
    <TableCell>
      <Chip size="small" label={jobStatusLabels[run.status]} color={jobStatusColors[run.status]} data-status={run.status} />
      {progress !== null && (
        <Typography component="span" variant="body2" color="text.secondary" sx={{ ml: 1 }}>
          {Math.round(progress * 100)} %
        </Typography>
      )}
    </TableCell>
  );
}

/** The project's runs, newest first, with status and pooled metrics; queued launches on top. */
export function RunsList({ list }: { list: ReturnType<typeof useTrainingRuns> }) {
  const runs = list.runs.data ?? [];
  if (runs.length === 0 && list.queued.length === 0) {
    return <Typography color="text.secondary">{list.runs.loading ? 'Reading the runs…' : 'No run of this project yet: launch one below.'}</Typography>;
  }
  return (
    <Table size="small" aria-label="Training runs">
      <TableHead>
        <TableRow>
          <TableCell>Run</TableCell>
          <TableCell>Group</TableCell>
          <TableCell>Status</TableCell>
          <TableCell align="right">Accuracy</TableCell>
          <TableCell align="right">UF1</TableCell>
          <TableCell align="right">UAR</TableCell>
          <TableCell>Started</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {list.queued.map((job) => (
          <TableRow key={`job-${job.id}`} data-testid="queued-run-row">
            <TableCell>{queuedName(job)}</TableCell>
            <TableCell />
            <TableCell>
              <Chip size="small" label="Queued" />
            </TableCell>
            <TableCell colSpan={4} />
          </TableRow>
        ))}
        {runs.map((run) => {
          const job = run.status === 'running' ? list.jobOf(run.jobId) : null;
          return (
            <TableRow key={run.id} data-testid="run-row" data-run-id={run.id}>
              <TableCell>
                <Link href={hrefOf('train', run.id)}>{run.name}</Link>{' '}
                <Typography component="span" variant="body2" color="text.secondary">
                  #{run.id}
                </Typography>
              </TableCell>
              <TableCell>{run.group ?? ''}</TableCell>
              <StatusCell run={run} progress={job?.progress ?? null} />
              <TableCell align="right">{percent(run.pooled?.accuracy)}</TableCell>
              <TableCell align="right">{percent(run.pooled?.uf1)}</TableCell>
              <TableCell align="right">{percent(run.pooled?.uar)}</TableCell>
              <TableCell>{new Date(run.createdAt).toLocaleString()}</TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
