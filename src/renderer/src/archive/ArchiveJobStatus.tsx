import Alert from '@mui/material/Alert';
import LinearProgress from '@mui/material/LinearProgress';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { Job } from '../../../shared/api/jobs';

/** An archive job's progress while it runs, then what it did or why it failed. */
export function ArchiveJobStatus({ job, done }: { job: Job; done: string }) {
  if (job.status === 'queued' || job.status === 'running') {
    return (
      <Stack spacing={0.5} data-testid="archive-progress">
        <LinearProgress variant={job.status === 'queued' ? 'indeterminate' : 'determinate'} value={job.progress * 100} aria-label="Archive progress" />
        <Typography variant="caption" color="text.secondary">
          {Math.round(job.progress * 100)}% · {job.message}
        </Typography>
      </Stack>
    );
  }
  if (job.status === 'succeeded') {
    return (
      <Alert severity="success" data-testid="archive-outcome">
        {done}
      </Alert>
    );
  }
  return (
    <Alert severity={job.status === 'cancelled' ? 'info' : 'error'} data-testid="archive-outcome">
      {job.status === 'cancelled' ? 'Cancelled: nothing was written.' : (job.error ?? 'The job failed')}
    </Alert>
  );
}
