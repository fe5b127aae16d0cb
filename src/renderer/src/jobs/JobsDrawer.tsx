import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Divider from '@mui/material/Divider';
import Drawer from '@mui/material/Drawer';
import IconButton from '@mui/material/IconButton';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import type { JobKind } from '../../../shared/api/jobs';
import { CloseIcon } from '../common/icons';
import { JobCard } from './JobCard';
import type { Jobs } from './use-jobs';

export interface JobsDrawerProps {
  open: boolean;
  onClose: () => void;
  jobs: Jobs;
}

const maintenance: { kind: JobKind; label: string }[] = [
  { kind: 'db.integrity', label: 'Check database integrity' },
  { kind: 'db.backup', label: 'Back up database' },
];

/** Recent and running jobs, live, with the maintenance jobs a user may start by hand. */
export function JobsDrawer({ open, onClose, jobs }: JobsDrawerProps) {
  const { start, cancel } = jobs;
  const [starting, setStarting] = useState<JobKind | null>(null);
  const [cancelling, setCancelling] = useState<number | null>(null);

  const startJob = async (kind: JobKind) => {
    setStarting(kind);
    await start.run(kind);
    setStarting(null);
  };
  const cancelJob = async (id: number) => {
    setCancelling(id);
    await cancel.run(id);
    setCancelling(null);
  };

  return (
    <Drawer anchor="right" open={open} onClose={onClose} slotProps={{ paper: { sx: { width: { xs: '100%', sm: 440 } } } }}>
      <Stack component="section" aria-labelledby="jobs-heading" sx={{ height: '100%' }} data-testid="jobs-panel">
        <Stack direction="row" sx={{ alignItems: 'center', px: 2, py: 1.5 }}>
          <Typography variant="h2" id="jobs-heading" sx={{ flex: 1 }}>
            Jobs
          </Typography>
          <IconButton aria-label="Close jobs" onClick={onClose}>
            <CloseIcon />
          </IconButton>
        </Stack>
        <Stack direction="row" spacing={1} sx={{ px: 2, pb: 1.5 }}>
          {maintenance.map(({ kind, label }) => (
            <Button key={kind} variant="outlined" onClick={() => void startJob(kind)} loading={starting === kind}>
              {label}
            </Button>
          ))}
        </Stack>
        {start.error && (
          <Alert severity="error" sx={{ mx: 2, mb: 1.5 }} onClose={start.reset}>
            {start.error.message}
          </Alert>
        )}
        {cancel.error && (
          <Alert severity="error" sx={{ mx: 2, mb: 1.5 }} onClose={cancel.reset}>
            {cancel.error.message}
          </Alert>
        )}
        {jobs.loadError && (
          <Alert severity="error" sx={{ mx: 2, mb: 1.5 }}>
            {jobs.loadError.message}
          </Alert>
        )}
        <Divider />
        <Box sx={{ flex: 1, overflow: 'auto', bgcolor: 'background.default' }}>
          {jobs.jobs.length === 0 ? (
            <Typography color="text.secondary" sx={{ p: 2 }}>
              No jobs yet.
            </Typography>
          ) : (
            <Stack component="ul" spacing={1} sx={{ m: 0, p: 2 }} aria-label="Recent jobs">
              {jobs.jobs.map((job) => (
                <JobCard key={job.id} job={job} cancelling={cancelling === job.id} onCancel={(id) => void cancelJob(id)} />
              ))}
            </Stack>
          )}
        </Box>
      </Stack>
    </Drawer>
  );
}
