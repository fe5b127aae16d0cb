import Alert from '@mui/material/Alert';
import LinearProgress from '@mui/material/LinearProgress';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { Job } from '../../../shared/api/jobs';
import { useApiQuery } from '../api/use-api-query';
import { jobKindLabels, jobSource } from '../jobs/job-text';
import { baseName } from './import-paths';
import { importOutcome } from './import-outcome';

export interface ImportProgressProps {
  jobs: readonly Job[];
  recordingName?: (id: number) => string | undefined;
  dense?: boolean;
}

/**
 * The name of the recording a finished import made: from the list the page holds, else asked
 * for (the job's end can arrive before the list's reload). `ready` is false while it is asked.
 */
function useImportedName(job: Job, recordingName: (id: number) => string | undefined): { ready: boolean; name: (id: number) => string | undefined } {
  const id = job.status === 'succeeded' ? (job.result as { recordingId?: unknown } | null)?.recordingId : undefined;
  const known = typeof id === 'number' ? recordingName(id) : undefined;
  const fetched = useApiQuery('recordings.get', typeof id === 'number' && known === undefined ? { id } : null);
  const name = known ?? fetched.data?.name;
  return { ready: !(typeof id === 'number' && name === undefined && fetched.error === null), name: () => name };
}

function ImportJobItem({ job, recordingName }: { job: Job; recordingName: (id: number) => string | undefined }) {
  const named = useImportedName(job, recordingName);
  const outcome = named.ready ? importOutcome(job, named.name) : null;
  const source = jobSource(job);
  const label = `${jobKindLabels[job.kind]} #${job.id}`;
  return (
    <li data-testid="import-job" data-status={job.status} aria-label={label}>
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
}

/** Import jobs as they run (progress, the worker's message) and, once finished, what they did. */
export function ImportProgress({ jobs, recordingName = () => undefined, dense = false }: ImportProgressProps) {
  return (
    <Stack spacing={dense ? 0.75 : 1.25} component="ul" sx={{ m: 0, p: 0, listStyle: 'none' }} aria-label="Imports">
      {jobs.map((job) => (
        <ImportJobItem key={job.id} job={job} recordingName={recordingName} />
      ))}
    </Stack>
  );
}
