import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import LinearProgress from '@mui/material/LinearProgress';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { isFinished, type Job } from '../../../shared/api/jobs';
import { jobKindLabels, jobResultLine, jobSource, jobStatusColors, jobStatusLabels, jobTiming } from './job-text';

const mono = 'ui-monospace, "DejaVu Sans Mono", monospace';

export interface JobCardProps {
  job: Job;
  cancelling: boolean;
  onCancel: (id: number) => void;
}

function progressColor(job: Job): 'primary' | 'success' | 'error' | 'inherit' {
  if (job.status === 'succeeded') return 'success';
  if (job.status === 'failed' || job.status === 'interrupted') return 'error';
  if (job.status === 'cancelled') return 'inherit';
  return 'primary';
}

export function JobCard({ job, cancelling, onCancel }: JobCardProps) {
  const title = jobKindLabels[job.kind];
  const percent = Math.round(job.progress * 100);
  const resultLine = jobResultLine(job);
  const source = jobSource(job);
  return (
    <Paper
      component="li"
      aria-label={`${title} #${job.id}`}
      data-testid={`job-${job.id}`}
      data-status={job.status}
      sx={{ listStyle: 'none', p: 1.5 }}
    >
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
        <Typography sx={{ fontWeight: 600, flex: 1 }}>
          {title}{' '}
          <Typography component="span" variant="body2" color="text.secondary">
            #{job.id}
          </Typography>
        </Typography>
        <Chip size="small" label={jobStatusLabels[job.status]} color={jobStatusColors[job.status]} variant={isFinished(job.status) ? 'filled' : 'outlined'} />
      </Stack>
      {source && (
        <Typography variant="body2" color="text.secondary" sx={{ fontFamily: mono, fontSize: 12, overflowWrap: 'anywhere', mt: 0.5 }}>
          {source}
        </Typography>
      )}
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', my: 1 }}>
        <LinearProgress
          sx={{ flex: 1, height: 6, borderRadius: 3 }}
          variant={job.status === 'queued' ? 'indeterminate' : 'determinate'}
          value={percent}
          color={progressColor(job)}
          aria-label={`${title} progress`}
        />
        <Typography variant="body2" color="text.secondary" sx={{ width: 40, textAlign: 'right' }}>
          {percent}%
        </Typography>
      </Stack>
      <Typography variant="body2">{job.message}</Typography>
      {job.error && (
        <Typography variant="body2" color="error" sx={{ mt: 0.5, overflowWrap: 'anywhere' }}>
          {job.error}
        </Typography>
      )}
      {resultLine && (
        <Typography
          variant="body2"
          color="text.secondary"
          sx={{ mt: 0.5, whiteSpace: 'pre-line', overflowWrap: 'anywhere', fontFamily: mono, fontSize: 12 }}
        >
          {resultLine}
        </Typography>
      )}
      <Stack direction="row" sx={{ alignItems: 'center', justifyContent: 'space-between', mt: 0.5 }}>
        <Typography variant="caption" color="text.secondary">
          {jobTiming(job)}
        </Typography>
        {!isFinished(job.status) && job.cancellable && (
          <Button color="error" onClick={() => onCancel(job.id)} loading={cancelling} aria-label={`Cancel ${title} #${job.id}`}>
            Cancel
          </Button>
        )}
      </Stack>
    </Paper>
  );
}
