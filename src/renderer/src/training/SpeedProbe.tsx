import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { formatDuration } from './run-progress';
import { useSpeedProbe } from './use-speed-probe';
import type { WizardForm } from './wizard-form';

/** "What will this cost?": a few timed steps on this machine, scaled to the project's samples. */
export function SpeedProbe({ form }: { form: WizardForm }) {
  const { start, job, result } = useSpeedProbe(form);
  const running = job !== undefined && (job.status === 'queued' || job.status === 'running');
  return (
    <Stack spacing={1} data-testid="speed-probe">
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
        <Button variant="outlined" onClick={() => void start.run()} disabled={running || start.pending}>
          Measure the time per epoch
        </Button>
        {running && <Typography color="text.secondary">Timing a few training steps…</Typography>}
      </Stack>
      {start.error && <Alert severity="error">{start.error.message}</Alert>}
      {job?.status === 'failed' && <Alert severity="error">The probe failed: {job.error}</Alert>}
      {result && (
        <Typography data-testid="speed-probe-result">
          On {result.backend} ({result.threads} thread{result.threads > 1 ? 's' : ''}): {result.stages.map((s) => `stage ${s.stage} ${(s.stepMs / 1000).toFixed(2)} s a step, ${formatDuration(s.epochSeconds)} an epoch`).join('; ')} ({result.stepsPerEpoch} steps of the first fold’s {result.trainSamples} training clips). The whole run: about {formatDuration(result.runSeconds)} of training steps, plus data preparation and evaluation.
        </Typography>
      )}
    </Stack>
  );
}
