import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { Run } from '../../../shared/api/training';
import { hrefOf } from '../app/use-hash-route';
import { jobStatusColors, jobStatusLabels } from '../jobs/job-text';
import type { RunViewState } from './use-run-view';

/** The run's name and status, and what can be done with it: cancel, resume, clone into the wizard. */
export function RunHeader({ run, v, onClone }: { run: Run; v: RunViewState; onClone: () => void }) {
  const status = v.status ?? run.status;
  return (
    <Stack spacing={1}>
      <Button href={hrefOf('train')} sx={{ alignSelf: 'flex-start' }}>
        ← All runs
      </Button>
      <Stack direction="row" spacing={1.5} sx={{ alignItems: 'center', flexWrap: 'wrap', rowGap: 1 }}>
        <Typography variant="h1" data-testid="run-name">
          {run.name}
        </Typography>
        <Typography color="text.secondary">run #{run.id}</Typography>
        <Chip label={jobStatusLabels[status]} color={jobStatusColors[status]} data-testid="run-status" data-status={status} variant={v.active ? 'outlined' : 'filled'} />
        {run.group && <Chip label={`group: ${run.group}`} variant="outlined" />}
        <span style={{ flex: 1 }} />
        {v.active && v.job?.cancellable && (
          <Button color="error" variant="outlined" onClick={v.cancel} loading={v.cancelling}>
            Cancel run
          </Button>
        )}
        {v.resumable && (
          <Button variant="contained" onClick={() => void v.resume.run()} loading={v.resume.pending}>
            Resume
          </Button>
        )}
        <Button variant="outlined" onClick={onClone}>
          Clone into wizard
        </Button>
      </Stack>
      <Typography variant="body2" color="text.secondary">
        Started {new Date(run.createdAt).toLocaleString()}
        {run.backend ? ` · ${run.backend.name}, ${run.backend.threads} thread${run.backend.threads === 1 ? '' : 's'}` : ''}
        {run.classes.length > 0 ? ` · classes ${run.classes.join(', ')}` : ''}
      </Typography>
    </Stack>
  );
}
