import Alert from '@mui/material/Alert';
import LinearProgress from '@mui/material/LinearProgress';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { Job } from '../../../shared/api/jobs';
import { jobKindLabels, jobSource } from '../jobs/job-text';
import { baseName } from './import-paths';
import { importOutcome } from './import-outcome';

export interface ImportProgressProps {
  jobs: readonly Job[];
  recordingName?: (id: number) => string | undefined;
  dense?: boolean;
}

/** Import jobs as they run (progress, the worker's message) and, once finished, what they did. */
export function ImportProgress({ jobs, recordingName = () => undefined, dense = false }: ImportProgressProps) {
  return (
    <Stack spacing={dense ? 0.75 : 1.25} component="ul" sx={{ m: 0, p: 0, listStyle: 'none' }} aria-label="Imports">
      {jobs.map((job) => {
        const outcome = importOutcome(job, recordingName);
        const source = jobSource(job);
        const label = `${jobKindLabels[job.kind]} #${job.id}`;
        return (
          <li key={job.id} data-testid="import-job" data-status={job.status} aria-label={label}>
            <Stack direction="row" spacing={1} sx={{ alignItems: 'baseline' }}>
              <Typography variant="body2" sx={{ fontWeight: 600, whiteSpace: 'nowrap' }}>
                {label}
              </Typography>
              {source && (
                <Typography variant="caption" color="text.secondary" sx={{ fontFamily: 'ui-monospace, monospace', overflowWrap: 'anywhere' }}>
                  {baseName(source)}
                </Typography>
              )}
            </Stack>
            {outcome ? (
              <Alert severity={outcome.severity} sx={{ mt: 0.5, py: 0 }} data-testid="import-outcome">
                {outcome.text}
              </Alert>
            ) : (
              <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mt: 0.5 }}>
                <LinearProgress
                  sx={{ flex: 1, height: 5, borderRadius: 3 }}
                  variant={job.status === 'queued' ? 'indeterminate' : 'determinate'}
                  value={Math.round(job.progress * 100)}
                  aria-label={`${label} progress`}
                />
                <Typography variant="caption" color="text.secondary" sx={{ width: 36, textAlign: 'right', fontVariantNumeric: 'tabular-nums' }}>
                  {Math.round(job.progress * 100)}%
                </Typography>
                <Typography variant="caption" color="text.secondary" sx={{ flex: 2, minWidth: 0 }} noWrap>
                  {job.message}
                </Typography>
              </Stack>
            )}
          </li>
        );
      })}
    </Stack>
  );
}
