import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import LinearProgress from '@mui/material/LinearProgress';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { Recording } from '../../../shared/api/recordings';
import type { StartedJob } from '../jobs/use-started-job';

type DetectFacesJob = StartedJob<'recordings.detect-faces'>;

/** Face boxes for every recording of the project that has none, found by the offline detector. */
export function DetectFacesButton({ projectId, recordings, job }: { projectId: number; recordings: readonly Recording[]; job: DetectFacesJob }) {
  const without = recordings.filter((r) => r.faceBox === null).length;
  return (
    <Button
      variant="outlined"
      disabled={without === 0 || job.running}
      loading={job.starting}
      onClick={() => void job.start({ projectId })}
      title={without === 0 ? 'Every recording has a face box' : `Detect a face box on the first frame of the ${without} recording(s) without one`}
    >
      Detect face boxes
    </Button>
  );
}

/** The running detection (with cancel), or what the last one did. */
export function DetectFacesStatus({ job }: { job: DetectFacesJob }) {
  if (job.startError) {
    return (
      <Alert severity="error" sx={{ mx: 2, mb: 1.5 }} onClose={job.clear}>
        {job.startError}
      </Alert>
    );
  }
  const current = job.job;
  if (!current) return null;
  if (job.running) {
    return (
      <Stack direction="row" spacing={1.5} sx={{ alignItems: 'center', px: 2, pb: 1.5 }} data-testid="detect-faces-progress">
        <Typography variant="body2" sx={{ whiteSpace: 'nowrap' }}>
          Detecting face boxes: {current.message}
        </Typography>
        <LinearProgress variant="determinate" value={current.progress * 100} sx={{ flex: 1 }} aria-label="Face box detection" />
        <Button size="small" onClick={job.cancel}>
          Cancel
        </Button>
      </Stack>
    );
  }
  const severity = current.status === 'succeeded' ? (job.result && job.result.noFace.length > 0 ? 'warning' : 'success') : current.status === 'failed' ? 'error' : 'info';
  const missed = job.result && job.result.noFace.length > 0 ? `: ${job.result.noFace.join(', ')}. Draw those on the Label page.` : '.';
  const text = current.status === 'succeeded' ? `${current.message}${missed}` : current.status === 'failed' ? (current.error ?? 'Face box detection failed') : `Face box detection ${current.status}; the boxes found so far are saved.`;
  return (
    <Alert severity={severity} sx={{ mx: 2, mb: 1.5 }} onClose={job.clear} data-testid="detect-faces-outcome">
      {text}
    </Alert>
  );
}
